namespace Infra.Platform.Database;

/// <summary>
/// Every secret the database cluster needs. User names are fixed by design (they are not secret);
/// each password is a <see cref="Credential"/>. The superuser is <c>postgres</c> so that local tools
/// running as the <c>postgres</c> OS user (pgBackRest) authenticate by peer over the socket.
/// </summary>
public sealed record ClusterCredentials(
    Credential SuperuserPassword,
    Credential ReplicationPassword,
    Credential RewindPassword,
    Credential AppPassword,
    Credential PatroniRestPassword)
{
    public const string SuperuserName = "postgres";
    public const string ReplicationUser = "replicator";
    public const string RewindUser = "rewinder";
    public const string AppUser = "app";
    public const string PatroniRestUser = "patroni";

    /// <summary>One placeholder per secret, keyed by the names the tier binds to random passwords.</summary>
    public static ClusterCredentials Placeholders() => new(
        Credential.Placeholder("pg-superuser-password"),
        Credential.Placeholder("pg-replication-password"),
        Credential.Placeholder("pg-rewind-password"),
        Credential.Placeholder("pg-app-password"),
        Credential.Placeholder("patroni-rest-password"));
}
