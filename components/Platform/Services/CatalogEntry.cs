using System.Text.RegularExpressions;
using Infra.Platform.Configuration;

namespace Infra.Platform.Services;

/// <summary>
/// One Service of <c>infra:catalog</c> as declared: its database and routes, each null when not given (a Service
/// of the default catalog keeps its own, a new one gets a database named after it and no routes).
/// </summary>
public sealed partial record CatalogEntry(string? Database, IReadOnlyList<CatalogRoute>? Routes)
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex ServiceName();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    public static readonly ConfigField<string?> DatabaseField = new("database",
        ConfigShapes.Pattern(DatabaseName(), "is not a valid database name.", "lower-case letters, digits and '_', starting with a letter")!,
        null, "The Service's own database (namespace).")
    {
        DefaultText = "the default Service's, or the name with '-' as '_'",
    };

    public static readonly ConfigField<IReadOnlyList<CatalogRoute>?> RoutesField = new("routes",
        ConfigShapes.List("a list such as [{host: api, path: /billing/}]", CatalogRoute.Shape), null,
        "The ingress routes to the Service, the same in every tier.")
    {
        DefaultText = "the default Service's, or none",
    };

    public static readonly ConfigShape<IReadOnlyList<KeyValuePair<string, CatalogEntry>>?> Shape = ConfigShapes.Map(
        "an object of Service names to {database, routes}",
        "a Service name: lower-case letters, digits and '-', starting with a letter",
        name => ServiceName().IsMatch(name) ? null : "is not a valid Service name.",
        ConfigShapes.Object<CatalogEntry>("{database: NS, routes: [{host: H, path: /P/, priority: N}]}", [DatabaseField, RoutesField],
            (values, _) => new CatalogEntry(values.Get(DatabaseField), values.Get(RoutesField))));
}
