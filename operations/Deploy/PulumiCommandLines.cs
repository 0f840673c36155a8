namespace Infra.Operations.Deploy;

/// <summary>The Pulumi CLI arguments, shaped as the Automation API passes them.</summary>
public static class PulumiCommandLines
{
    public const string Executable = "pulumi";

    public const string InstallHint =
        "The Pulumi CLI ('pulumi') was not found on PATH. Install it (https://www.pulumi.com/docs/install/), " +
        "e.g. `curl -fsSL https://get.pulumi.com | sh` on Linux/macOS or `winget install pulumi` on Windows, " +
        "then open a new shell and check with `pulumi version`.";

    public static IReadOnlyList<string> SelectOrCreateStack(string stack) =>
        ["stack", "select", "--create", stack, "--non-interactive"];

    /// <summary>Preview, destroy and refresh select an existing stack only: none of them may create one in the backend.</summary>
    public static IReadOnlyList<string> SelectStack(string stack) =>
        ["stack", "select", stack, "--non-interactive"];

    /// <summary>Only <c>up</c> creates a missing stack.</summary>
    public static IReadOnlyList<string> Select(DeployOperation operation, string stack) =>
        operation == DeployOperation.Up ? SelectOrCreateStack(stack) : SelectStack(stack);

    public static IReadOnlyList<string> SetConfig(string stack, string key, string value) =>
        ["config", "set", key, value, "--stack", stack, "--non-interactive"];

    public static IReadOnlyList<string> Operation(DeployRequest request, string eventLogPath)
    {
        var arguments = new List<string> { request.Operation.Verb(), "--stack", request.Stack };
        if (request.Operation != DeployOperation.Preview)
        {
            // Non-interactive runs must not stop at the confirmation prompt; the preview was
            // either shown by `infra preview` or is skipped on purpose, as the Automation API does.
            arguments.AddRange(["--yes", "--skip-preview"]);
        }
        arguments.Add("--non-interactive");
        if (request.ShowDiff && request.Operation is DeployOperation.Preview or DeployOperation.Up)
        {
            arguments.Add("--diff");
        }
        arguments.AddRange(["--event-log", eventLogPath]);
        return arguments;
    }
}
