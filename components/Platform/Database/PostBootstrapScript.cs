using System.Text;

namespace Infra.Platform.Database;

/// <summary>
/// Generates the script Patroni runs once, on the first primary, after initdb: the app's role and one
/// database per Service, each owned by that role and closed to everyone else.
/// </summary>
public static class PostBootstrapScript
{
    public static string For(PostgresClusterSpec spec)
    {
        spec.Validate();
        var sql = new StringBuilder();
        var app = Identifier(ClusterCredentials.AppUser);
        sql.Append($"CREATE ROLE {app} LOGIN PASSWORD {Literal(spec.Credentials.AppPassword.Render())};\n");
        foreach (var database in spec.Databases)
        {
            var name = Identifier(database);
            sql.Append($"CREATE DATABASE {name} OWNER {app};\n");
            sql.Append($"REVOKE ALL ON DATABASE {name} FROM PUBLIC;\n");
        }

        var psql = Path.Combine(spec.PostgresBinDir, "psql");
        // Patroni appends a superuser connection string as the last argument. The quoted here-document
        // delimiter stops the shell from expanding anything inside the SQL.
        return "#!/bin/sh\n" +
               "set -eu\n" +
               $"exec {psql} \"$1\" --no-psqlrc -v ON_ERROR_STOP=1 <<'SQL'\n" +
               sql +
               "SQL\n";
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string Literal(string value)
    {
        if (value.Any(char.IsControl))
            throw new DatabaseConfigException("The app password contains a line break or control character.");
        return "'" + value.Replace("'", "''") + "'";
    }
}
