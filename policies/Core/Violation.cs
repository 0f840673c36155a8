namespace Infra.Policies;

/// <summary>
/// One breach of one policy: where (a resource's logical name, or an output/program subject), what is
/// wrong and how to fix it. <see cref="Subject"/> is what exemptions match on.
/// </summary>
public sealed record Violation(string PolicyId, Severity Severity, string Subject, string Problem, string Fix)
{
    /// <summary>Subject used for checks over the whole program rather than one resource.</summary>
    public const string Program = "(program)";

    public string Render() =>
        $"[{PolicyId} {Severity.ToString().ToLowerInvariant()}] {Subject}: {Problem} Fix: {Fix}";
}
