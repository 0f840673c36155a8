using Infra.Operations.Deploy;

namespace Infra.Tests.Operations;

/// <summary>
/// Stands in for real processes: records every command line and answers with a scripted result.
/// For a Pulumi operation it plays an event-stream data file into the --event-log path, as Pulumi would.
/// </summary>
public sealed class RecordingProcessRunner : IProcessRunner
{
    private readonly Func<ProcessSpec, ProcessResult> respond;

    public RecordingProcessRunner(Func<ProcessSpec, ProcessResult>? respond = null, string? eventStreamFile = null)
    {
        this.respond = respond ?? (_ => new ProcessResult(0, "", ""));
        EventStreamFile = eventStreamFile;
    }

    public string? EventStreamFile { get; }

    public List<ProcessSpec> Calls { get; } = [];

    public IEnumerable<string> CommandLines => Calls.Select(call => call.CommandLine);

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, Action<string>? onOutputLine = null, Action<string>? onErrorLine = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(spec);
        var eventLogAt = spec.Arguments.ToList().IndexOf("--event-log");
        if (eventLogAt >= 0 && EventStreamFile is not null)
        {
            // Written in two halves with a pause, so the tail sees a file that grows while the process runs.
            var lines = await File.ReadAllLinesAsync(EventStreamFile, cancellationToken);
            var path = spec.Arguments[eventLogAt + 1];
            await File.WriteAllLinesAsync(path, lines.Take(lines.Length / 2), cancellationToken);
            await Task.Delay(300, cancellationToken);
            await File.AppendAllLinesAsync(path, lines.Skip(lines.Length / 2), cancellationToken);
        }
        var result = respond(spec);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)) onOutputLine?.Invoke(line);
        foreach (var line in result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)) onErrorLine?.Invoke(line);
        return result;
    }

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Operations", "TestData", name);
}
