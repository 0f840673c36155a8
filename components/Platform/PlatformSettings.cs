using System.Text.RegularExpressions;
using Infra.Platform.Configuration;
using Infra.Platform.Services;

namespace Infra.Platform;

/// <summary>The tier-independent settings of a stack, read and validated from its config.</summary>
public sealed partial record PlatformSettings(
    DeploymentEnvironment Environment,
    string Owner,
    ServiceCatalog Catalog,
    ServiceSet Services,
    RouteTable Routes,
    LogLevel LogLevel)
{
    // Letters and digits of any script: what AWS tag values accept everywhere (ELBv2 is the strictest), and Docker labels.
    [GeneratedRegex(@"^[\p{L}\p{N} ._:/=+@-]{1,64}\z")]
    private static partial Regex OwnerShape();

    public bool IsProduction => Environment == DeploymentEnvironment.Production;

    public static PlatformSettings Read(ConfigReader config)
    {
        var environment = ReadEnvironment(config);
        var owner = config.Get(CommonKeys.Owner);
        var logLevel = config.Get(CommonKeys.LogLevel);
        var catalog = ReadCatalog(config);

        var requested = config.Get(CommonKeys.Services) ?? catalog.Names.ToList();
        var selected = new List<ServiceDefinition>();
        foreach (var name in requested)
        {
            if (catalog.Find(name) is { } service)
            {
                if (selected.Contains(service))
                    config.Report(CommonKeys.Services, name, "lists a Service twice.", "each Service once");
                else selected.Add(service);
                continue;
            }
            var suggestion = DidYouMean.Suggest(name, catalog.Names);
            config.Report(CommonKeys.Services, name,
                suggestion is null ? "is not a Service of the catalog." : $"is not a Service of the catalog. Did you mean {suggestion}?",
                $"one of {string.Join(", ", catalog.Names)} (or add it with infra:catalog)");
        }
        if (selected.Count == 0) selected.AddRange(catalog.Services);

        RouteTable routes;
        try { routes = catalog.RoutesOf(selected); }
        catch (ArgumentException e)
        {
            config.Report(CommonKeys.Catalog, null, e.Message);
            routes = new RouteTable([]);
        }
        return new PlatformSettings(environment, owner, catalog, new ServiceSet(selected), routes, logLevel);
    }

    /// <summary>The stack's environment by the one production rule (<see cref="ProductionRule"/>).</summary>
    public static EnvironmentDecision DecideEnvironment(ConfigReader config) =>
        ProductionRule.Decide(config.Stack, config.IsSet(CommonKeys.Environment) ? config.Display(CommonKeys.Environment) : null);

    /// <summary>The stack's environment; a value the production rule refuses is reported with its fix.</summary>
    public static DeploymentEnvironment ReadEnvironment(ConfigReader config)
    {
        var decision = DecideEnvironment(config);
        if (decision.IsRefused)
            config.Report(CommonKeys.Environment, decision.Configured, $"{decision.Problem} {decision.Fix}", decision.Allowed);
        return decision.Environment;
    }

    /// <summary>What makes <paramref name="owner"/> unusable as the owner tag, or null.</summary>
    public static string? OwnerProblem(string owner)
    {
        if (OwnerShape().IsMatch(owner)) return null;
        if (owner.Length is 0 or > 64) return $"is not a valid owner tag: it has {owner.Length} characters.";
        var bad = owner.First(c => !OwnerShape().IsMatch(c.ToString()));
        return char.GetUnicodeCategory(bad) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            ? $"is not a valid owner tag: it contains the combining mark U+{(int)bad:X4}; type the accented letter as one character."
            : $"is not a valid owner tag: it contains '{bad}'.";
    }

    /// <summary>The default catalog with the stack's overrides and additions (<see cref="CatalogEntry"/>).</summary>
    private static ServiceCatalog ReadCatalog(ConfigReader config)
    {
        var overrides = config.Get(CommonKeys.Catalog);
        if (overrides is null) return ServiceCatalog.Default;
        var services = ServiceCatalog.Defaults.ToDictionary(s => s.Name);
        var order = ServiceCatalog.Defaults.Select(s => s.Name).ToList();
        foreach (var (name, entry) in overrides)
        {
            services.TryGetValue(name, out var existing);
            var database = entry.Database ?? existing?.Database ?? name.Replace('-', '_');
            var routes = entry.Routes?.Select(r => r.For(name)).ToList() ?? existing?.Routes ?? [];
            services[name] = new ServiceDefinition(name, database, routes);
            if (!order.Contains(name)) order.Add(name);
        }
        try { return new ServiceCatalog(order.Select(n => services[n])); }
        catch (ArgumentException e)
        {
            config.Report(CommonKeys.Catalog, null, e.Message);
            return ServiceCatalog.Default;
        }
    }
}
