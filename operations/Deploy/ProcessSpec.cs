namespace Infra.Operations.Deploy;

/// <summary>One process to start: executable, arguments (never joined into a shell string), folder and added environment.</summary>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The command line as a person would type it, for logs and test assertions.</summary>
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string part) =>
        part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || "-_./:=@%+,".Contains(c)) ? part : "'" + part.Replace("'", "'\\''") + "'";
}

/// <summary>How a process ended, with what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
