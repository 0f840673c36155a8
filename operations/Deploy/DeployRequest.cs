using Infra.Platform.Configuration;

namespace Infra.Operations.Deploy;

/// <summary>One <c>infra up|preview|destroy|refresh</c> invocation.</summary>
/// <param name="ProjectRoot">The folder holding Pulumi.yaml; Pulumi runs there.</param>
/// <param name="Tier">The stack's tier (laptop, onprem3, dc9, global); laptop defaults to a local file backend.</param>
/// <param name="Environment">Production stacks are guarded against destroy.</param>
/// <param name="ConfigDefaults">Config keys set on the stack before the operation (only keys the stack lacks).</param>
/// <param name="ExpectedResources">Resources in the program, for a progress total before every step has started.</param>
/// <param name="Force">With <paramref name="ConfirmStack"/>: allows destroying a production stack.</param>
/// <param name="ShowDiff">Passes <c>--diff</c> (preview and up): Pulumi's detailed property diff on stdout.</param>
/// <param name="ShowPulumiOutput">Forward Pulumi's own stdout; by default only progress lines are printed.</param>
public sealed record DeployRequest(
    DeployOperation Operation,
    string Stack,
    string ProjectRoot,
    string Tier,
    DeploymentEnvironment Environment,
    IReadOnlyDictionary<string, string>? ConfigDefaults = null,
    int? ExpectedResources = null,
    bool Force = false,
    string? ConfirmStack = null,
    bool ShowDiff = false,
    bool ShowPulumiOutput = false);
