namespace Infra.Policies.Exemptions;

/// <summary>
/// A waiver of one policy for one resource (or every resource, <c>*</c>), always with a reason.
/// A mandatory policy waived on a production stack also needs <see cref="AllowOnProduction"/>.
/// </summary>
public sealed record PolicyExemption(string PolicyId, string Resource, string Reason, bool AllowOnProduction = false)
{
    public const string AllResources = "*";

    public bool Matches(Violation violation) =>
        violation.PolicyId == PolicyId && (Resource == AllResources || Resource == violation.Subject);
}
