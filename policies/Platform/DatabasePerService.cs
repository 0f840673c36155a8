using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Policies.Inspection;

namespace Infra.Policies.Platform;

/// <summary>
/// PLT-002 (DESIGN §1): each Service owns its DB namespace. The stack's catalog gives every Service a
/// namespace of its own, and every binary that connects to a database is told each of its Services'
/// namespace (PLATFORM_DB_&lt;SERVICE&gt;_NAME), matching the catalog and never shared.
/// </summary>
public sealed partial class DatabasePerService : ProgramPolicy
{
    [GeneratedRegex("^PLATFORM_DB_(?<service>[A-Z0-9_]+)_NAME$")]
    private static partial Regex DatabaseVariable();

    public override string Id => "PLT-002";
    public override string Title => "Each Service has its own DB namespace, never shared";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var violations = new List<Violation>();
        foreach (var shared in context.Settings.Services.Services.GroupBy(s => s.Database).Where(g => g.Count() > 1))
            violations.Add(Violation(Policies.Violation.Program,
                $"Services {string.Join(" and ", shared.Select(s => s.Name))} share the DB namespace '{shared.Key}'.",
                "give each Service its own database in infra:catalog."));

        var launches = PlatformBinaries.All(context.Blueprint)
            .Where(l => l.Environment.Any(e => e.Key.StartsWith("PLATFORM_DB_", StringComparison.Ordinal)))
            .ToList();
        foreach (var launch in launches)
        {
            var databases = launch.Environment
                .Select(e => (Match: DatabaseVariable().Match(e.Key), e.Value))
                .Where(x => x.Match.Success)
                .ToDictionary(x => x.Match.Groups["service"].Value, x => x.Value);
            var runs = PlatformBinaries.ServicesFlags(launch).SelectMany(PlatformBinaries.Split).Distinct().ToList();
            foreach (var service in runs)
            {
                var variable = PlatformBinary.DatabaseVariable(service);
                var expected = context.Settings.Catalog.Find(service)?.Database;
                if (!databases.TryGetValue(variable["PLATFORM_DB_".Length..^"_NAME".Length], out var actual))
                    violations.Add(Violation(launch.Resource.Name, $"runs Service '{service}' against a database but does not set {variable}.",
                        $"set {variable}={expected ?? service.Replace('-', '_')} (PlatformContainer does this from the catalog)."));
                else if (expected is not null && actual != expected)
                    violations.Add(Violation(launch.Resource.Name, $"sets {variable}={actual}, but the catalog gives '{service}' the namespace '{expected}'.",
                        $"use {variable}={expected}, or change the Service's database in infra:catalog."));
            }
            foreach (var shared in databases.GroupBy(d => d.Value).Where(g => g.Count() > 1))
                violations.Add(Violation(launch.Resource.Name,
                    $"points {string.Join(" and ", shared.Select(d => $"PLATFORM_DB_{d.Key}_NAME"))} at the same database '{shared.Key}'.",
                    "give each Service its own database (infra:catalog), so no Service reads another's tables."));
        }
        return (1 + launches.Count, violations);
    }
}
