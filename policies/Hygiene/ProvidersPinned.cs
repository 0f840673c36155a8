using Infra.Policies.Inspection;
using Infra.Providers;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>HYG-003: every provider is explicit and pinned to the suite's version (PinnedProviders), so plugins never float.</summary>
public sealed class ProvidersPinned : ResourcePolicy
{
    public override string Id => "HYG-003";
    public override string Title => "Providers pinned to the suite's versions";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type.StartsWith(Tokens.ProviderPrefix, StringComparison.Ordinal);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var pinned = PinnedProviders.All.FirstOrDefault(p => p.Key == resource.Package).Value;
        var version = resource.Options.Version;
        if (pinned is null)
            yield return Violation(resource.Name, $"is a {resource.Package} provider, which the suite does not pin.",
                $"add {resource.Package} with its version to PinnedProviders (and ../shared/schemas/versions.json).");
        else if (version != pinned)
            yield return Violation(resource.Name, $"uses {resource.Package} {version ?? "(no version)"}, not the pinned {pinned}.",
                $"create it with version PinnedProviders.VersionOf(\"{resource.Package}\") = {pinned}.");
    }
}
