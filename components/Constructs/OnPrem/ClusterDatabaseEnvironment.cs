using Infra.Platform;
using Infra.Platform.Binary;
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
    /// <summary>The plain settings: hosts, port, user, read-write sessions, each Service's database.</summary>
    public static BinaryDatabase Database(Server server, IReadOnlyList<string> dbHosts, int dbPort, string dbUser) =>
        new(string.Join(",", dbHosts), dbPort, dbUser, server.Services.Services.ToDictionary(s => s.Name, s => s.Database))
        {
            TargetSessionAttrs = "read-write",
        };

    /// <summary>The secret settings: the password and each Service's connection string (with placeholders), as secrets.</summary>
    /// <param name="connectionStrings">Per Service, the generated connection string (with placeholders).</param>
    public static IReadOnlyList<Input<string>> Secrets(Server server, Credential dbPassword,
        IReadOnlyDictionary<string, string> connectionStrings, SecretBindings secrets) =>
    [
        secrets.Render($"{PlatformBinary.DbPassword.Variable}={SecretTemplate.Token(dbPassword.PlaceholderKey!)}"),
        .. server.Services.Services.Select(s => secrets.Render($"{PlatformBinary.DbUrl.VariableFor(s.Name)}={connectionStrings[s.Name]}")),
    ];
}
