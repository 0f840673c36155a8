using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Compute;

/// <summary>
/// CMP-001: instance metadata only through IMDSv2 session tokens, with a hop limit of 1 so a
/// container on the host cannot reach the instance's credentials (SSRF to 169.254.169.254). An
/// instance may inherit the settings from its launch template.
/// </summary>
public sealed class Imdsv2Required : ResourcePolicy
{
    public override string Id => "CMP-001";
    public override string Title => "IMDSv2 required, hop limit 1";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => Tokens.IsServer(resource.Type);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        string? Setting(string name) => Props.String(LaunchTemplates.Get(context.Blueprint, resource, $"metadataOptions.{name}"));
        if (Setting("httpEndpoint") == "disabled") yield break;
        var tokens = Setting("httpTokens");
        if (tokens != "required")
            yield return Violation(resource.Name, $"allows IMDSv1 (metadataOptions.httpTokens is {tokens ?? "not set"}).",
                "set metadataOptions.httpTokens: required.");
        var hops = Props.Number(LaunchTemplates.Get(context.Blueprint, resource, "metadataOptions.httpPutResponseHopLimit"));
        if (hops != 1)
            yield return Violation(resource.Name,
                $"has metadataOptions.httpPutResponseHopLimit {(hops is null ? "not set (the AMI's default may be 2)" : hops.ToString())}.",
                "set metadataOptions.httpPutResponseHopLimit: 1.");
    }
}
