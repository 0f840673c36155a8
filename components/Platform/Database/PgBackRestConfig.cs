using System.Globalization;
using System.Text;

namespace Infra.Platform.Database;

/// <summary>
/// Generates one member's <c>pgbackrest.conf</c> (INI): the shared repository in <c>[global]</c> and
/// this member's PostgreSQL in the cluster's stanza.
/// </summary>
public static class PgBackRestConfig
{
    public static string For(PostgresClusterSpec spec, ClusterMember member)
    {
        spec.Validate();
        var global = spec.Backup.Options().Concat(
        [
            ("log-path", member.Paths.Log),
            ("lock-path", member.Paths.Run),
            ("log-level-console", "info"),
            ("log-level-file", "info"),
            // A backup starts with an immediate checkpoint instead of waiting for the next one.
            ("start-fast", "y"),
        ]);
        var stanza = new (string, string)[]
        {
            ("pg1-path", member.Paths.PostgresData),
            ("pg1-port", member.Ports.Postgres.ToString(CultureInfo.InvariantCulture)),
            ("pg1-socket-path", member.Paths.Run),
            ("pg1-user", ClusterCredentials.SuperuserName),
        };

        var text = new StringBuilder();
        Section(text, "global", global);
        text.Append('\n');
        Section(text, spec.Stanza, stanza);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string name, IEnumerable<(string Key, string Value)> options)
    {
        text.Append('[').Append(name).Append("]\n");
        foreach (var (key, value) in options)
        {
            if (value.Any(char.IsControl))
                throw new DatabaseConfigException($"pgBackRest option '{key}' contains a line break or control character.");
            text.Append(key).Append('=').Append(value).Append('\n');
        }
    }
}
