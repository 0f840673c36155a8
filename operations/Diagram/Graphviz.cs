using System.Diagnostics;

namespace Infra.Operations.Diagram;

/// <summary>Renders DOT to SVG or PNG with Graphviz's <c>dot</c> (Debian package graphviz).</summary>
public static class Graphviz
{
    /// <exception cref="DiagramException"><c>dot</c> is not installed or fails.</exception>
    public static byte[] Render(string dot, string format)
    {
        var start = new ProcessStartInfo("dot", ["-T" + format])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DiagramException("Graphviz's `dot` is not installed, so no SVG or PNG can be drawn: install it (apt-get install graphviz, brew install graphviz) or use --format mermaid or dot.");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            copy.Wait();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new DiagramException($"dot -T{format} failed (exit code {process.ExitCode}): {stderr.Result.Trim()}");
            return output.ToArray();
        }
    }
}

public sealed class DiagramException(string message) : Exception(message);
