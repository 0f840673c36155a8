namespace Infra.Platform.Database;

/// <summary>
/// The app's libpq connection URI: every member is listed and libpq tries them in turn until it
/// finds the one that accepts writes, so the current primary is always reached without a proxy.
/// </summary>
public static class ConnectionString
{
    public static string ReadWrite(PostgresClusterSpec spec, string database, int connectTimeoutSeconds = 5)
    {
        spec.Validate();
        if (!spec.Databases.Contains(database))
            throw new DatabaseConfigException(
                $"Database '{database}' is not in cluster '{spec.ClusterName}' ({string.Join(", ", spec.Databases)}).");
        var hosts = string.Join(",", spec.Members.Select(m => m.PostgresEndpoint));
        var user = Uri.EscapeDataString(ClusterCredentials.AppUser);
        var password = spec.Credentials.AppPassword.Render(Uri.EscapeDataString);
        return $"postgresql://{user}:{password}@{hosts}/{database}" +
               $"?target_session_attrs=read-write&connect_timeout={connectTimeoutSeconds}";
    }
}
