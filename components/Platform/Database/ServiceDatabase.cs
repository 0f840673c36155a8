using System.Text.RegularExpressions;

namespace Infra.Platform.Database;

/// <summary>
/// Each Service owns its own database (its DB namespace). The database name is derived from the
/// Service name so that the app and the cluster agree without a second table.
/// </summary>
public static partial class ServiceDatabase
{
    /// <summary>The databases initdb creates: never a Service's, and closed to the app.</summary>
    public static IReadOnlyList<string> Maintenance { get; } = ["postgres", "template0", "template1"];

    /// <summary>The default database of a Service: its name with '-' as '_' (the catalog may override it).</summary>
    public static string NameFor(string service) => Check(service.Trim().ToLowerInvariant().Replace('-', '_'));

    /// <summary>Returns <paramref name="name"/> if PostgreSQL and the generated SQL accept it as a database name.</summary>
    public static string Check(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new DatabaseConfigException(
                $"'{name}' is not a usable database name: use lower-case letters, digits and '_', starting with a letter, at most 63 characters.");
        if (Maintenance.Contains(name))
            throw new DatabaseConfigException($"'{name}' is a reserved database name: give the Service another database.");
        return name;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex NamePattern();
}
