using System.Text.Json.Nodes;
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

    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex ServiceName();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();

    [GeneratedRegex("^/([A-Za-z0-9._~-]+/)*$")]
    private static partial Regex PathPrefix();

    public bool IsProduction => Environment == DeploymentEnvironment.Production;

    public static PlatformSettings Read(ConfigReader config)
    {
        var environment = ReadEnvironment(config);
        var owner = config.String(CommonKeys.Owner, "platform-team",
            v => OwnerShape().IsMatch(v) ? null : OwnerProblem(v));
        var logLevel = config.Enum(CommonKeys.LogLevel, LogLevel.Info);
        var catalog = ReadCatalog(config);

        var requested = config.StringList(CommonKeys.Services, catalog.Names.ToList());
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

    private static DeploymentEnvironment ReadEnvironment(ConfigReader config)
    {
        var decision = DecideEnvironment(config);
        if (decision.IsRefused)
            config.Report(CommonKeys.Environment, decision.Configured, $"{decision.Problem} {decision.Fix}", decision.Allowed);
        return decision.Environment;
    }

    private static string OwnerProblem(string owner)
    {
        if (owner.Length is 0 or > 64) return $"is not a valid owner tag: it has {owner.Length} characters.";
        var bad = owner.First(c => !OwnerShape().IsMatch(c.ToString()));
        return char.GetUnicodeCategory(bad) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            ? $"is not a valid owner tag: it contains the combining mark U+{(int)bad:X4}; type the accented letter as one character."
            : $"is not a valid owner tag: it contains '{bad}'.";
    }

    private static ServiceCatalog ReadCatalog(ConfigReader config)
    {
        var overrides = config.Object(CommonKeys.Catalog);
        if (overrides is null) return ServiceCatalog.Default;
        var services = ServiceCatalog.Defaults.ToDictionary(s => s.Name);
        var order = ServiceCatalog.Defaults.Select(s => s.Name).ToList();
        foreach (var (name, node) in overrides)
        {
            if (!ServiceName().IsMatch(name))
            {
                config.Report(CommonKeys.Catalog, name, "is not a valid Service name.", "lower-case letters, digits and '-', starting with a letter");
                continue;
            }
            // 'as' and a null check, not 'is not JsonObject entry': Stryker cannot compile mutants of a
            // negated pattern whose variable is used after the early exit, and would skip the whole method.
            var entry = node as JsonObject;
            if (entry is null)
            {
                config.Report(CommonKeys.Catalog, name, "must map to an object {database, routes}.");
                continue;
            }
            services.TryGetValue(name, out var existing);
            var database = existing?.Database ?? name.Replace('-', '_');
            if (entry["database"] is { } db)
            {
                var text = db.ToString();
                if (DatabaseName().IsMatch(text)) database = text;
                else config.Report(CommonKeys.Catalog, $"{name}.database = {text}", "is not a valid database name.", "lower-case letters, digits and '_', starting with a letter");
            }
            var routes = existing?.Routes ?? [];
            if (entry["routes"] is JsonArray list) routes = ReadRoutes(config, name, list);
            else if (entry["routes"] is not null) config.Report(CommonKeys.Catalog, $"{name}.routes", "must be a list of {host, path}.");
            foreach (var key in entry.Select(e => e.Key).Where(k => k is not ("database" or "routes")))
                config.Report(CommonKeys.Catalog, $"{name}.{key}", "is not a known field.", "database, routes");
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

    private static List<IngressRoute> ReadRoutes(ConfigReader config, string service, JsonArray list)
    {
        var routes = new List<IngressRoute>();
        foreach (var item in list)
        {
            if (item is not JsonObject)
            {
                config.Report(CommonKeys.Catalog, $"{service}.routes", "has an entry that is not an object {host, path}.",
                    "a list such as [{host: api, path: /billing/}]");
                continue;
            }
            var host = item?["host"]?.ToString() ?? "";
            var path = item?["path"]?.ToString() ?? "";
            var priority = RoutePriority(config, service, item?["priority"]);
            if (!HostLabel().IsMatch(host))
                config.Report(CommonKeys.Catalog, $"{service}.routes host = {host}", "is not a valid host label.", "a DNS label such as 'api'");
            else if (!PathPrefix().IsMatch(path))
                config.Report(CommonKeys.Catalog, $"{service}.routes path = {path}", "is not a valid path prefix.", "a path starting and ending with '/', such as /billing/");
            else routes.Add(new IngressRoute(host, path, service, priority));
            if (item is JsonObject fields)
                foreach (var key in fields.Select(f => f.Key).Where(k => k is not ("host" or "path" or "priority")))
                    config.Report(CommonKeys.Catalog, $"{service}.routes {key}", "is not a known route field.", "host, path, priority");
        }
        return routes;
    }

    /// <summary>An explicit load-balancer rule priority (1 to 50000, the ALB's range), or null to derive it from the route.</summary>
    private static int? RoutePriority(ConfigReader config, string service, JsonNode? node)
    {
        if (node is null) return null;
        var text = node.ToString();
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var priority)
            && priority is >= 1 and <= 50000)
            return priority;
        config.Report(CommonKeys.Catalog, $"{service}.routes priority = {text}", "is not a listener-rule priority.",
            "a whole number from 1 to 50000 (or leave it out: it is derived from the host and path)");
        return null;
    }
}
