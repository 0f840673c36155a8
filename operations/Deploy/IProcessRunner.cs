namespace Infra.Operations.Deploy;

/// <summary>Starts processes; injected so tests can check exact command lines without running them.</summary>
public interface IProcessRunner
{
    /// <param name="onOutputLine">Called for each stdout line as it arrives (may be null).</param>
    /// <param name="onErrorLine">Called for each stderr line as it arrives (may be null).</param>
    /// <exception cref="ExecutableNotFoundException">The executable is not on PATH.</exception>
    Task<ProcessResult> RunAsync(
        ProcessSpec spec,
        Action<string>? onOutputLine = null,
        Action<string>? onErrorLine = null,
        CancellationToken cancellationToken = default);
}
