namespace Infra.Platform.Database;

/// <summary>
/// Generates the script Patroni runs once, on the first primary, after initdb: the app's role. It names no
/// Service on purpose: Patroni runs it only when the cluster is first initialised, so Service databases made
/// here would never appear for a Service added later, and a Service list in this uploaded file would replace
/// every Patroni container whenever Services change. <see cref="ServiceDatabasesScript"/> creates them instead.
/// </summary>
public static class PostBootstrapScript
{
    public static string For(PostgresClusterSpec spec)
    {
        spec.Validate();
        var app = SqlText.Identifier(ClusterCredentials.AppUser);
        var password = SqlText.Literal(spec.Credentials.AppPassword.Render(), "app password");
        var psql = Path.Combine(spec.PostgresBinDir, "psql");
        // Patroni appends a superuser connection string as the last argument. The quoted here-document
        // delimiter stops the shell from expanding anything inside the SQL.
        return "#!/bin/sh\n" +
               "set -eu\n" +
               $"exec {psql} \"$1\" --no-psqlrc -v ON_ERROR_STOP=1 <<'SQL'\n" +
               $"CREATE ROLE {app} LOGIN PASSWORD {password};\n" +
               "SQL\n";
    }
}
