namespace Infra.Policies;

/// <summary>
/// One breach of one policy: where (a resource's logical name, or an output/program subject), what is
/// wrong and how to fix it. <see cref="Subject"/> is what exemptions match on.
/// </summary>
public sealed record Violation(string PolicyId, Severity Severity, string Subject, string Problem, string Fix)
{
    /// <summary>Subject used for checks over the whole program rather than one resource.</summary>
    public const string Program = "(program)";

    /// <summary>The property of <see cref="Subject"/> at fault (<c>name</c>, <c>tags.route</c>), when one is.</summary>
    public string? Property { get; init; }

    /// <summary>Where the rule comes from (an AWS API model shape, a documentation page or quota), when it is external.</summary>
    public string? Source { get; init; }

    public string Render() =>
        $"[{PolicyId} {Severity.ToString().ToLowerInvariant()}] {Subject}{(Property is null ? "" : " " + Property)}: {Problem}" +
        $"{(Source is null ? "" : $" Source: {Source}.")} Fix: {Fix}";
}
