namespace Infra.Operations.Deploy;

/// <summary>How a deploy ended: Pulumi's exit code, passed through, and what the event stream said.</summary>
public sealed record DeployResult(
    int ExitCode,
    SummaryEvent? Summary,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Errors)
{
    public bool Succeeded => ExitCode == 0;
}
