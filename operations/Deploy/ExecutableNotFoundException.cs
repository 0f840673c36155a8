namespace Infra.Operations.Deploy;

/// <summary>The program to start is not installed or not on PATH.</summary>
public sealed class ExecutableNotFoundException(string executable)
    : Exception($"'{executable}' was not found on PATH.")
{
    public string Executable { get; } = executable;
}
