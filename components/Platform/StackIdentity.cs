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

    /// <summary>A physical name for a resource of this stack: <c>laptop-db</c>.</summary>
    public string PhysicalName(string role) => $"{Stack}-{role}";
}
