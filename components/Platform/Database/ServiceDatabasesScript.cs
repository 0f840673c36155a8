using System.Globalization;
using System.Text;
using Infra.Platform.Provisioning;

namespace Infra.Platform.Database;

/// <summary>
/// Creates every Service database that is missing, on whichever member is primary, and is safe to run again:
/// an existing database is left as it is (only its owner and PUBLIC's privileges are asserted). The tier runs
/// it again whenever the script changes (e.g. the Service list), so a Service added to a running cluster gets
/// its database (Patroni's post_bootstrap runs only when the cluster is first initialised). A Service removed
/// keeps its database and data: dropping it is an operator's decision, by hand.
///
/// The script reaches the primary with a libpq multi-host connection (every member, target_session_attrs
/// read-write) and waits until one member accepts writes and holds the app role (Patroni's post_bootstrap
/// creates it moments after the first primary starts taking connections). The superuser password goes into
/// a password file made inside the script (mode 0600, deleted on exit), never onto a command line or into
/// the environment.
/// </summary>
public static class ServiceDatabasesScript
{
    public const int DefaultWaitSeconds = 300;
    public const int DefaultRetrySeconds = 5;

    /// <summary>The SQL, run as superuser on the primary: every statement is a no-op when its database is already right.</summary>
    public static string Sql(PostgresClusterSpec spec)
    {
        spec.Validate();
        var app = SqlText.Identifier(ClusterCredentials.AppUser);
        var sql = new StringBuilder();
        sql.Append("-- One database per Service, owned by the app role and closed to everyone else.\n");
        foreach (var database in spec.Databases)
        {
            var name = SqlText.Identifier(database);
            var literal = SqlText.Literal(database, "database name");
            // CREATE DATABASE has no IF NOT EXISTS and cannot run in a DO block: psql's \gexec runs it only when missing.
            sql.Append($"SELECT 'CREATE DATABASE {name} OWNER {app}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = {literal})\\gexec\n");
            sql.Append($"ALTER DATABASE {name} OWNER TO {app};\n");
            sql.Append($"REVOKE ALL ON DATABASE {name} FROM PUBLIC;\n");
        }
        return sql.ToString();
    }

    /// <summary>
    /// The libpq keyword/value connection to the primary as superuser: every member in turn until one accepts
    /// writes. No password: it comes from the password file.
    /// </summary>
    public static string PrimaryConnection(PostgresClusterSpec spec, int connectTimeoutSeconds = 5) =>
        string.Join(' ',
            $"host={string.Join(",", spec.Members.Select(m => m.Address))}",
            $"port={string.Join(",", spec.Members.Select(m => m.Ports.Postgres.ToString(CultureInfo.InvariantCulture)))}",
            $"user={ClusterCredentials.SuperuserName}",
            "dbname=postgres",
            "target_session_attrs=read-write",
            $"connect_timeout={connectTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The script, read by <c>sh -s</c> on its standard input; exit 1 with the reason when no primary appears in time.</summary>
    public static string For(PostgresClusterSpec spec, int waitSeconds = DefaultWaitSeconds, int retrySeconds = DefaultRetrySeconds)
    {
        spec.Validate();
        if (retrySeconds < 1 || waitSeconds < retrySeconds)
            throw new DatabaseConfigException(
                $"Service databases: retry {retrySeconds}s must be at least 1s and the wait {waitSeconds}s at least one retry.");
        var psql = Path.Combine(spec.PostgresBinDir, "psql");
        // pgpass fields escape ':' and '\' (libpq, "The Password File"); a placeholder's value is letters and digits.
        var password = spec.Credentials.SuperuserPassword.Render(v => v.Replace("\\", "\\\\").Replace(":", "\\:"));
        var wait = waitSeconds.ToString(CultureInfo.InvariantCulture);
        var retry = retrySeconds.ToString(CultureInfo.InvariantCulture);
        var cluster = ShellQuote.Quote(spec.ClusterName);
        var status = $"{spec.Members[0].PatroniRestUrl}/cluster";
        var probe = ShellQuote.Quote($"SELECT 'ready' FROM pg_roles WHERE rolname = {SqlText.Literal(ClusterCredentials.AppUser, "role name")}");
        return $$"""
            set -eu
            cluster={{cluster}}
            umask 077
            PGPASSFILE=$(mktemp)
            export PGPASSFILE
            trap 'rm -f "$PGPASSFILE"' EXIT
            cat > "$PGPASSFILE" <<'PGPASS'
            *:*:*:{{ClusterCredentials.SuperuserName}}:{{password}}
            PGPASS
            conn={{ShellQuote.Quote(PrimaryConnection(spec))}}
            deadline=$(( $(date +%s) + {{wait}} ))
            # Ready once a member accepts writes and Patroni's post_bootstrap has created the owner role.
            until answer=$({{psql}} "$conn" -XAtqc {{probe}} 2>&1 </dev/null) && [ "$answer" = ready ]; do
              reason=${answer:-"the primary has no role {{ClusterCredentials.AppUser}} yet (post_bootstrap still running)"}
              if [ "$(date +%s)" -ge "$deadline" ]; then
                echo "Service databases of cluster $cluster: no primary was ready within {{wait}}s, so no database was created. Is a primary elected (curl -s {{status}})? Last answer: $reason" >&2
                exit 1
              fi
              echo "Service databases of cluster $cluster: waiting for a primary ($reason)"
              sleep {{retry}}
            done
            {{psql}} "$conn" --no-psqlrc --no-align --tuples-only -v ON_ERROR_STOP=1 <<'SQL'
            {{Sql(spec)}}SELECT 'Service databases of cluster {{spec.ClusterName}} ready on the primary ' || host(inet_server_addr()) || ':' || inet_server_port();
            SQL

            """;
    }

    /// <summary>
    /// The command the tier runs over SSH on one host, with <see cref="For"/> on its standard input: a throw-away
    /// container of the Patroni image (its psql matches the server) on the host's network, so it reaches every
    /// member at the address the members know each other by.
    /// </summary>
    public static string HostCommand(string image) =>
        string.Join(' ', "docker", "run", "--rm", "--interactive", "--network", "host", "--entrypoint", "/bin/sh", ShellQuote.Quote(image), "-s");
}
