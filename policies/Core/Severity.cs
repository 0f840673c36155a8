namespace Infra.Policies;

/// <summary>How a policy is enforced.</summary>
public enum Severity
{
    /// <summary>Blocks synthesis: Pulumi's preview/update fails and nothing is deployed.</summary>
    Mandatory,
    /// <summary>Reported by <c>infra plan</c> and <c>infra policy</c>; never blocks.</summary>
    Advisory,
}
