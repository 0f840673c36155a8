using System.Globalization;

namespace Infra.Platform.Database;

/// <summary>
/// Generates the backup schedule every member runs: each interval, the member that is primary at
/// that moment makes sure the stanza exists and takes a backup (full on Sundays, differential
/// otherwise; pgBackRest makes the first one full anyway). Replicas skip, so exactly one member
/// backs up whichever host has failed over. Until the repository holds a first backup, every member
/// checks again every <c>retrySeconds</c> instead of sleeping a whole interval: at first start no member
/// is primary yet (Patroni is still electing and bootstrapping), and a first round that found none
/// would otherwise leave the cluster without any backup for a day. A failed backup is retried after
/// <c>retrySeconds</c> too. With the argument <c>once</c> it runs one round and exits.
/// </summary>
public static class BackupScheduleScript
{
    public const int DefaultRetrySeconds = 60;

    public static string For(PostgresClusterSpec spec, ClusterMember member, int intervalHours, int retrySeconds = DefaultRetrySeconds)
    {
        spec.Validate();
        if (intervalHours is < 1 or > 24 * 7)
            throw new DatabaseConfigException($"Backup interval {intervalHours}h is outside 1 to 168 hours.");
        if (retrySeconds < 1 || retrySeconds >= intervalHours * 3600)
            throw new DatabaseConfigException($"Backup retry {retrySeconds}s must be at least 1s and shorter than the {intervalHours}h interval.");
        var psql = Path.Combine(spec.PostgresBinDir, "psql");
        var port = member.Ports.Postgres.ToString(CultureInfo.InvariantCulture);
        var seconds = (intervalHours * 3600).ToString(CultureInfo.InvariantCulture);
        var retry = retrySeconds.ToString(CultureInfo.InvariantCulture);
        var stanzaCreate = string.Join(' ', PgBackRestCommands.StanzaCreate(spec, member));
        // The type is chosen by the script at run time, hence the shell variable.
        var backup = string.Join(' ', PgBackRestCommands.Command(spec, member, "backup", "--type=\"$type\""));
        var info = string.Join(' ', PgBackRestCommands.Command(spec, member, "info", "--output=json"));
        return $$"""
            #!/bin/sh
            # Backup schedule of member {{member.Name}}: only the current primary backs up. Until the repository
            # holds a first backup every member checks again every {{retry}}s, then every {{intervalHours}}h.
            set -u
            has_backup() {
              {{info}} 2>/dev/null | grep -q '"label":'
            }
            while true; do
              wait={{seconds}}
              role=$({{psql}} -h {{member.Paths.Run}} -p {{port}} -U {{ClusterCredentials.SuperuserName}} -d postgres -XAtc 'select pg_is_in_recovery()' 2>/dev/null || true)
              if [ "$role" = "f" ]; then
                type=diff
                [ "$(date +%u)" = 7 ] && type=full
                if {{stanzaCreate}} && {{backup}}; then
                  echo "backup ($type) done"
                else
                  echo "backup ($type) FAILED" >&2
                  [ "${1:-}" = once ] && exit 1
                  wait={{retry}}
                fi
              elif has_backup; then
                echo "not the primary ($role): no backup from {{member.Name}}"
              else
                echo "not the primary ($role) and the repository holds no backup yet: checking again in {{retry}}s"
                wait={{retry}}
              fi
              [ "${1:-}" = once ] && exit 0
              echo "next round in ${wait}s"
              sleep "$wait"
            done

            """;
    }
}
