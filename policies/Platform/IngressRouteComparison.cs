using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Platform;

/// <summary>
/// Compares the ingress route table across tier programs (DESIGN §1: one table, identical in every
/// tier). Each program's <c>ingressRoutes</c> output is compared with the first program's.
/// </summary>
public static class IngressRouteComparison
{
    /// <summary>One finding per program whose table is missing or differs; empty when all agree.</summary>
    public static IReadOnlyList<Violation> Compare(IReadOnlyList<Blueprint> programs)
    {
        var findings = new List<Violation>();
        var tables = programs.Select(p => (Program: p, Table: Table(p))).ToList();
        foreach (var (program, table) in tables.Where(t => t.Table is null))
            findings.Add(Finding(program, "exports no literal ingressRoutes output.", "export platform.Routes.ToJson() as ingressRoutes."));
        var reference = tables.FirstOrDefault(t => t.Table is not null);
        foreach (var (program, table) in tables.Where(t => t.Table is not null && t.Table != reference.Table))
            findings.Add(Finding(program, $"routes ingress as {table}, but {reference.Program.Title} routes it as {reference.Table}.",
                "build the table only from the Service catalog (PlatformSettings.Routes) and run the same Services."));
        return findings;
    }

    public static string? Table(Blueprint program) =>
        Props.String(program.Outputs.FirstOrDefault(o => o.Key == CanonicalIngressRoutes.OutputName).Value);

    private static Violation Finding(Blueprint program, string problem, string fix) =>
        new("PLT-003", Severity.Mandatory, $"{program.Title}:output:{CanonicalIngressRoutes.OutputName}", problem, fix);
}
