using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Infra.Operations.Deploy;

/// <summary>Runs real processes with arguments passed as a list, so nothing is re-parsed by a shell.</summary>
public sealed class SystemProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(
        ProcessSpec spec,
        Action<string>? onOutputLine = null,
        Action<string>? onErrorLine = null,
        CancellationToken cancellationToken = default)
    {
        var path = spec.Environment.TryGetValue("PATH", out var overridden) ? overridden : System.Environment.GetEnvironmentVariable("PATH");
        var executable = ExecutableLocator.Find(spec.FileName, path) ?? throw new ExecutableNotFoundException(spec.FileName);

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,  // CI has no stdin; the child must never wait on ours
        };
        foreach (var argument in spec.Arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in spec.Environment) start.Environment[name] = value;

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (output) output.AppendLine(line.Data);
            onOutputLine?.Invoke(line.Data);
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (error) error.AppendLine(line.Data);
            onErrorLine?.Invoke(line.Data);
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new ExecutableNotFoundException(spec.FileName);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // On cancellation (Ctrl-C) the child got the same signal from the terminal: let it finish
        // cleanly rather than kill it and leave the stack locked.
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
    }
}
