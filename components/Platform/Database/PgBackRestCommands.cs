namespace Infra.Platform.Database;

/// <summary>
/// The pgBackRest command lines of the backup schedule and of the restore procedure. The tier runs
/// them in its containers; the realization test runs the very same ones.
/// </summary>
public static class PgBackRestCommands
{
    public const string Executable = "pgbackrest";

    /// <summary>PostgreSQL's <c>archive_command</c>: push each finished WAL segment to the repository.</summary>
    public static string ArchivePush(PostgresClusterSpec spec, ClusterMember member) =>
        $"{Executable} --config={member.Paths.PgBackRestConfigFile} --stanza={spec.Stanza} archive-push \"%p\"";

    /// <summary>Once, on the primary, after the cluster is up: creates the stanza in the repository.</summary>
    public static IReadOnlyList<string> StanzaCreate(PostgresClusterSpec spec, ClusterMember member) =>
        Command(spec, member, "stanza-create");

    /// <summary>Verifies that archiving works and the repository is reachable.</summary>
    public static IReadOnlyList<string> Check(PostgresClusterSpec spec, ClusterMember member) =>
        Command(spec, member, "check");

    /// <summary>A backup taken on the current primary; <paramref name="type"/> is full, diff or incr.</summary>
    public static IReadOnlyList<string> Backup(PostgresClusterSpec spec, ClusterMember member, string type = "full")
    {
        if (type is not ("full" or "diff" or "incr"))
            throw new DatabaseConfigException($"Backup type '{type}' is unknown: use full, diff or incr.");
        return Command(spec, member, "backup", $"--type={type}");
    }

    /// <summary>
    /// Restore procedure, step 1: restore the latest backup and all archived WAL into an empty
    /// <paramref name="targetDataDir"/> (owned by the postgres user, mode 0700). Step 2: start
    /// PostgreSQL on it; it replays WAL to the end of the archive and is then promoted.
    /// </summary>
    public static IReadOnlyList<string> Restore(PostgresClusterSpec spec, ClusterMember member, string targetDataDir) =>
        Command(spec, member, "restore", $"--pg1-path={targetDataDir}");

    internal static IReadOnlyList<string> Command(PostgresClusterSpec spec, ClusterMember member, string command, params string[] options) =>
        [Executable, $"--config={member.Paths.PgBackRestConfigFile}", $"--stanza={spec.Stanza}", .. options, command];
}
