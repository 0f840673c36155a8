using System.Globalization;

namespace Infra.Platform.Database;

/// <summary>
/// Generates the backup schedule every member runs: each interval, the member that is primary at
/// that moment makes sure the stanza exists and takes a backup (full on Sundays, differential
/// otherwise; pgBackRest makes the first one full anyway). Replicas skip, so exactly one member
/// backs up whichever host has failed over. With the argument <c>once</c> it runs one round and exits.
/// </summary>
public static class BackupScheduleScript
{
    public static string For(PostgresClusterSpec spec, ClusterMember member, int intervalHours)
    {
        spec.Validate();
        if (intervalHours is < 1 or > 24 * 7)
            throw new DatabaseConfigException($"Backup interval {intervalHours}h is outside 1 to 168 hours.");
        var psql = Path.Combine(spec.PostgresBinDir, "psql");
        var port = member.Ports.Postgres.ToString(CultureInfo.InvariantCulture);
        var seconds = (intervalHours * 3600).ToString(CultureInfo.InvariantCulture);
        var stanzaCreate = string.Join(' ', PgBackRestCommands.StanzaCreate(spec, member));
        // The type is chosen by the script at run time, hence the shell variable.
        var backup = string.Join(' ', PgBackRestCommands.Command(spec, member, "backup", "--type=\"$type\""));
        return $$"""
            #!/bin/sh
            # Backup schedule of member {{member.Name}}: only the current primary backs up.
            set -u
            while true; do
              role=$({{psql}} -h {{member.Paths.Run}} -p {{port}} -U {{ClusterCredentials.SuperuserName}} -d postgres -XAtc 'select pg_is_in_recovery()' 2>/dev/null || true)
              if [ "$role" = "f" ]; then
                type=diff
                [ "$(date +%u)" = 7 ] && type=full
                if {{stanzaCreate}} && {{backup}}; then
                  echo "backup ($type) done"
                else
                  echo "backup ($type) FAILED" >&2
                  [ "${1:-}" = once ] && exit 1
                fi
              else
                echo "not the primary ($role): no backup from {{member.Name}}"
              fi
              [ "${1:-}" = once ] && exit 0
              sleep {{seconds}}
            done

            """;
    }
}
