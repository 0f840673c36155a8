using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Platform;

/// <summary>
/// PLT-003 (DESIGN §1): ingress routing is one table, identical in every tier. Every tier program
/// exports it as the <c>ingressRoutes</c> output, equal to the catalog's table for the stack's
/// Services, and every binary that is handed the table (PLATFORM_ROUTES) gets that same table.
/// </summary>
public sealed class CanonicalIngressRoutes : ProgramPolicy
{
    public const string OutputName = "ingressRoutes";

    public override string Id => "PLT-003";
    public override string Title => "The ingress route table is the catalog's, identical in every tier";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var expected = context.Settings.Routes.ToJson();
        var violations = new List<Violation>();
        var output = context.Blueprint.Outputs.FirstOrDefault(o => o.Key == OutputName).Value;
        if (output is null)
            violations.Add(Violation($"output:{OutputName}", $"is missing: the program does not export the ingress route table.",
                $"add blueprint.Output(\"{OutputName}\", platform.Routes.ToJson()) to the tier."));
        else if (Props.String(output) is not { } actual)
            violations.Add(Violation($"output:{OutputName}", "is not a literal table, so it cannot be compared with the catalog.",
                "export platform.Routes.ToJson() (a string fixed at synthesis)."));
        else if (actual != expected)
            violations.Add(Violation($"output:{OutputName}", $"is {actual}, but the catalog's table for this stack is {expected}.",
                "build routes only from PlatformSettings.Routes; never edit or re-order them per tier."));

        var launches = PlatformBinaries.All(context.Blueprint).Where(l => l.Variable("PLATFORM_ROUTES") is not null).ToList();
        foreach (var launch in launches)
        {
            var routes = launch.Variable("PLATFORM_ROUTES")!;
            if (routes != expected && !routes.Contains("${", StringComparison.Ordinal))
                violations.Add(Violation(launch.Resource.Name, $"hands the binary PLATFORM_ROUTES={routes}, not the catalog's table {expected}.",
                    "pass PlatformSettings.Routes.ToJson() (BinaryLaunch.Render does)."));
        }
        return (1 + launches.Count, violations);
    }
}
