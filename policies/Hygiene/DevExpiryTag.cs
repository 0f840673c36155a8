using System.Globalization;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>
/// HYG-002: on dev stacks of tiers that cost money while idle (see <see cref="TierPolicyProfile"/>),
/// every taggable resource carries an <c>expiry</c> tag: a date (yyyy-MM-dd) or
/// <c>weekend-teardown</c>, so forgotten environments are found and torn down.
/// </summary>
public sealed class DevExpiryTag : ResourcePolicy
{
    public const string Tag = "expiry";

    /// <summary>The marker clean-up tooling reads as "torn down by the weekend schedule" instead of a date.</summary>
    public const string ScheduledTeardown = "weekend-teardown";

    public override string Id => "HYG-002";
    public override string Title => "Dev stacks of cloud tiers carry an expiry tag";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        context.IsDev && context.Profile.ExpiryOnDev && Taggable.Is(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var tags = Taggable.Tags(resource);
        var where = Taggable.Property(resource);
        if (!tags.TryGetValue(Tag, out var value))
            yield return Violation(resource.Name, $"has no {Tag} in its {where} on a dev stack.",
                $"add {Tag}: <yyyy-MM-dd> to the stack's tags (the date the environment may be torn down).");
        else if (value is not null && value != ScheduledTeardown && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            yield return Violation(resource.Name, $"has {Tag}={value}, which is neither a yyyy-MM-dd date nor {ScheduledTeardown}.",
                $"set {Tag} to a date such as 2026-12-31, or {ScheduledTeardown}.");
    }
}
