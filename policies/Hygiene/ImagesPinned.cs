using Infra.Platform.Configuration;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>HYG-004: container images are pinned by tag or digest: no <c>latest</c>, no tag-less names.</summary>
public sealed class ImagesPinned : ResourcePolicy
{
    public override string Id => "HYG-004";
    public override string Title => "Container images pinned";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type is Tokens.DockerRemoteImage or Tokens.DockerContainer;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var property = resource.Type == Tokens.DockerRemoteImage ? "name" : "image";
        // A reference (e.g. a RemoteImage's imageId) is an exact image already; only literals can float.
        // (One statement, so the pattern variables stay in scope when a mutation tool wraps it.)
        if (Props.Get(resource, property) is Synthesis.Expressions.StringLiteral { Value: var image } &&
            ImageReference.Problem(image) is { } problem)
            yield return Violation(resource.Name, $"{property} {image} {problem}", $"use {ImageReference.Allowed}.");
    }
}
