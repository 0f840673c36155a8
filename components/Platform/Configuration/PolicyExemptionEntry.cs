namespace Infra.Platform.Configuration;

/// <summary>
/// One item of <c>infra:policyExemptions</c> as declared: its fields are bound here; whether the policy exists and
/// may be waived on the stack is the policy pack's to say, at <see cref="At"/> (the item's place in the list).
/// </summary>
public sealed record PolicyExemptionEntry(string Policy, string Resource, string Reason, bool AllowOnProduction, ConfigAt At)
{
    public static readonly ConfigField<string> PolicyField = new("policy",
        ConfigShapes.Text("a policy id listed by `infra policy`, e.g. NET-001"), "", "The policy waived.") { Required = true };

    public static readonly ConfigField<string> ResourceField = new("resource",
        ConfigShapes.Text("a resource's logical name (as `infra plan` shows it), or \"*\" for all",
            v => string.IsNullOrWhiteSpace(v) ? "is blank." : null),
        "", "The resource the waiver is for.") { Required = true };

    public static readonly ConfigField<string> ReasonField = new("reason",
        ConfigShapes.Text("a sentence naming why the rule does not apply and until when",
            v => string.IsNullOrWhiteSpace(v) ? "is blank: an exemption must say why." : null),
        "", "Why the rule does not apply, and until when.") { Required = true, RequiredWhy = "an exemption must say why" };

    public static readonly ConfigField<bool> AllowOnProductionField = new("allowOnProduction", ConfigShapes.Boolean, false,
        "Needed to waive a mandatory policy on a production stack, after review.");

    public static readonly ConfigShape<PolicyExemptionEntry?> Shape = ConfigShapes.Object(
        "{policy: ID, resource: NAME or \"*\", reason: TEXT, allowOnProduction: true|false}",
        [PolicyField, ResourceField, ReasonField, AllowOnProductionField],
        (values, at) => new PolicyExemptionEntry(values.Get(PolicyField), values.Get(ResourceField), values.Get(ReasonField).Trim(),
            values.Get(AllowOnProductionField), at));

    public static readonly ConfigShape<IReadOnlyList<PolicyExemptionEntry>?> ListShape = ConfigShapes.List(
        "a list of {policy: ID, resource: NAME or \"*\", reason: TEXT, allowOnProduction: true|false}", Shape);
}
