using Infra.Platform;
using Infra.Platform.Database;
using Infra.Platform.Placement;
using Infra.Synthesis;

namespace Infra.Constructs.OnPrem;

/// <summary>
/// How a server of a Patroni cluster reaches its databases: every member as a host list, so libpq
/// lands on whichever member accepts writes (no load balancer, no virtual IP), and per Service its
/// database name and full multi-host connection string. Passwords only through secret bindings.
/// </summary>
public static class ClusterDatabaseEnvironment
{
    /// <param name="connectionStrings">Per Service, the generated connection string (with placeholders).</param>
    public static IReadOnlyList<Input<string>> For(Server server, IReadOnlyList<string> dbHosts, int dbPort, string dbUser,
        Credential dbPassword, IReadOnlyDictionary<string, string> connectionStrings, SecretBindings secrets) =>
    [
        $"PLATFORM_DB_HOST={string.Join(",", dbHosts)}",
        $"PLATFORM_DB_PORT={dbPort}",
        $"PLATFORM_DB_USER={dbUser}",
        "PLATFORM_DB_TARGET_SESSION_ATTRS=read-write",
        secrets.Render($"PLATFORM_DB_PASSWORD={SecretTemplate.Token(dbPassword.PlaceholderKey!)}"),
        .. server.Services.Services.SelectMany(s => new[]
        {
            (Input<string>)$"{PlatformBinary.DatabaseVariable(s.Name)}={s.Database}",
            secrets.Render($"{UrlVariable(s.Name)}={connectionStrings[s.Name]}"),
        }),
    ];

    /// <summary>PLATFORM_DB_&lt;SERVICE&gt;_URL: the Service's full connection string.</summary>
    public static string UrlVariable(string service) => $"PLATFORM_DB_{service.ToUpperInvariant().Replace('-', '_')}_URL";
}
