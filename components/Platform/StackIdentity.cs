namespace Infra.Platform;

/// <summary>
/// Who a stack is: its name, tier and settings. Gives the tags every taggable resource carries
/// (stack, tier, owner, environment), so cost reports and clean-up scripts can find everything.
/// </summary>
public sealed record StackIdentity(string Stack, Tier Tier, PlatformSettings Settings)
{
    public string TierName => TierShape.Of(Tier).Name;

    public IReadOnlyList<KeyValuePair<string, string>> Tags =>
    [
        new("environment", Settings.Environment.ToString().ToLowerInvariant()),
        new("owner", Settings.Owner),
        new("stack", Stack),
        new("tier", TierName),
    ];

    /// <summary>The tag keys whose values are fixed for the stack's whole life: a stack never changes its name or tier.</summary>
    public static readonly IReadOnlyList<string> LifetimeTagKeys = ["stack", "tier"];

    /// <summary>
    /// The tags of <see cref="Tags"/> whose values never change (stack, tier), for resources that a tag change
    /// would replace: Docker cannot relabel a volume or network, so the docker provider replaces one whose
    /// labels change (kreuzwerker/terraform-provider-docker, resource_docker_volume.go and
    /// resource_docker_network.go: labels ForceNew), and with a fixed name the replacement either deletes the
    /// data or fails. A new owner or environment must never do that, so these resources carry no owner or
    /// environment label; the stack label finds them and the stack's config says who owns them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> LifetimeTags =>
        Tags.Where(t => LifetimeTagKeys.Contains(t.Key)).ToList();

    /// <summary>A physical name for a resource of this stack: <c>laptop-db</c>.</summary>
    public string PhysicalName(string role) => $"{Stack}-{role}";
}
