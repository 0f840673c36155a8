using System.Text.RegularExpressions;

namespace Infra.Platform.Database;

/// <summary>
/// Each Service owns its own database (its DB namespace). The database name is derived from the
/// Service name so that the app and the cluster agree without a second table.
/// </summary>
public static partial class ServiceDatabase
{
    private static readonly string[] Reserved = ["postgres", "template0", "template1"];

    public static string NameFor(string service)
    {
        var name = service.Trim().ToLowerInvariant().Replace('-', '_');
        if (!NamePattern().IsMatch(name))
            throw new DatabaseConfigException(
                $"Service '{service}' cannot name a database: use letters, digits, '-' or '_', start with a letter, at most 63 characters.");
        if (Reserved.Contains(name))
            throw new DatabaseConfigException($"Service '{service}' would use the reserved database name '{name}': rename the Service.");
        return name;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex NamePattern();
}
