namespace Infra.Policies;

/// <summary>
/// A rule every program is checked against at synthesis. Ids are stable (<c>NET-001</c>): exemptions,
/// CI logs and docs refer to them, so a rule is never renumbered, only retired.
/// </summary>
public abstract class Policy
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public abstract Severity Severity { get; }

    /// <summary>The folder/group: Platform, Network, Compute, Edge, Storage, Hygiene, Cloud.</summary>
    public string Category => GetType().Namespace?.Split('.')[^1] ?? "";

    /// <summary>Checks the program; returns the subjects checked (for pass counts) and the violations.</summary>
    public abstract PolicyOutcome Evaluate(PolicyContext context);

    protected Violation Violation(string subject, string problem, string fix) => new(Id, Severity, subject, problem, fix);

    /// <summary>A violation of one property, with the external rule's source (see <see cref="Policies.Violation.Source"/>).</summary>
    protected Violation Violation(string subject, string property, string problem, string source, string fix) =>
        new(Id, Severity, subject, problem, fix) { Property = property, Source = source };
}

/// <summary>What one policy found: how many subjects it looked at, and what failed.</summary>
public sealed record PolicyOutcome(int Checked, IReadOnlyList<Violation> Violations);
