using Infra.Platform;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Storage;

/// <summary>
/// STO-006: Docker volumes and networks carry only labels whose values never change for the stack's life
/// (stack, tier; markers such as ephemeral). Docker cannot relabel them, so the docker provider replaces a
/// volume or network whose labels change (kreuzwerker/terraform-provider-docker: labels are ForceNew), and
/// with a fixed name that replacement deletes the data or fails the update. An owner or environment label
/// would do exactly that on a change that is not about the data.
/// </summary>
public sealed class LifetimeLabelsOnly : ResourcePolicy
{
    public override string Id => "STO-006";
    public override string Title => "Docker volumes and networks carry only lifetime labels";
    public override Severity Severity => Severity.Mandatory;

    /// <summary>The resources whose labels force a replacement.</summary>
    public static bool Covers(Resource resource) => resource.Type is Tokens.DockerVolume or Tokens.DockerNetwork;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Get is null && Covers(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var changing = context.Identity.Tags.Select(t => t.Key).Except(StackIdentity.LifetimeTagKeys);
        foreach (var key in changing.Where(Taggable.Tags(resource).ContainsKey))
            yield return Violation(resource.Name,
                $"carries the label '{key}', which changes with the stack's config; a change would replace the {Kind(resource)} " +
                "(Docker cannot relabel it) and lose its data or fail the update.",
                "label it with StackIdentity.LifetimeTags (stack, tier) only.");
    }

    private static string Kind(Resource resource) => resource.Type == Tokens.DockerVolume ? "volume" : "network";
}
