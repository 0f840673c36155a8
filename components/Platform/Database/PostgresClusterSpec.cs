using System.Text.RegularExpressions;

namespace Infra.Platform.Database;

/// <summary>
/// The typed description of one Patroni-managed PostgreSQL cluster with its etcd store: everything
/// the generators need, validated once by <see cref="Validate"/>. Defaults are the production choice.
/// </summary>
public sealed partial record PostgresClusterSpec(
    string ClusterName,
    IReadOnlyList<ClusterMember> Members,
    IReadOnlyList<string> Databases,
    ClusterCredentials Credentials,
    BackupRepository Backup)
{
    /// <summary>PostgreSQL's binaries (Debian layout: /usr/lib/postgresql/MAJOR/bin).</summary>
    public string PostgresBinDir { get; init; } = "/usr/lib/postgresql/15/bin";

    public HaTimings Timings { get; init; } = HaTimings.Production;

    /// <summary>The etcd key prefix under which Patroni keeps this cluster's state.</summary>
    public string DcsNamespace { get; init; } = "/service/";

    /// <summary>CIDRs, besides the members themselves, from which the app may connect.</summary>
    public IReadOnlyList<string> ClientNetworks { get; init; } = [];

    /// <summary>pgBackRest's stanza: one per cluster, named after it.</summary>
    public string Stanza => ClusterName;

    /// <summary>Throws <see cref="DatabaseConfigException"/> naming the first problem found.</summary>
    public PostgresClusterSpec Validate()
    {
        if (!NamePattern().IsMatch(ClusterName))
            throw new DatabaseConfigException(
                $"Cluster name '{ClusterName}' is invalid: use lower-case letters, digits and '-', starting with a letter.");
        if (Members.Count < 3 || Members.Count % 2 == 0)
            throw new DatabaseConfigException(
                $"Cluster '{ClusterName}' has {Members.Count} members: etcd and Patroni need an odd number, at least 3, to keep a quorum after losing one.");
        if (Databases.Count == 0)
            throw new DatabaseConfigException(
                $"Cluster '{ClusterName}' has no databases: list one database per Service (an empty list never means 'all').");

        ValidateMembers();
        ValidateDatabases();
        Timings.Validate();
        RequireAbsolutePath("PostgresBinDir", PostgresBinDir, "cluster");
        if (Backup is PathRepository path) RequireAbsolutePath("backup repository path", path.Path, "cluster");
        if (Backup.RetentionFull < 1)
            throw new DatabaseConfigException($"Backup retention is {Backup.RetentionFull}: keep at least one full backup.");
        if (!DcsNamespace.StartsWith('/') || !DcsNamespace.EndsWith('/'))
            throw new DatabaseConfigException($"DCS namespace '{DcsNamespace}' must start and end with '/', e.g. '/service/'.");
        return this;
    }

    private void ValidateMembers()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var endpoints = new Dictionary<(string Address, int Port), string>();
        var paths = new Dictionary<(string Address, string Path), string>();
        foreach (var member in Members)
        {
            if (!NamePattern().IsMatch(member.Name))
                throw new DatabaseConfigException(
                    $"Member name '{member.Name}' is invalid: use lower-case letters, digits and '-', starting with a letter.");
            if (!names.Add(member.Name))
                throw new DatabaseConfigException($"Member name '{member.Name}' is used twice: give each member its own name.");
            if (string.IsNullOrWhiteSpace(member.Address) || member.Address.Any(char.IsWhiteSpace))
                throw new DatabaseConfigException($"Member '{member.Name}' has no usable address ('{member.Address}'): give its fixed IP or host name.");

            foreach (var (role, port) in member.Ports.All())
            {
                if (port is < 1 or > 65535)
                    throw new DatabaseConfigException($"Member '{member.Name}': {role} port {port} is outside 1-65535.");
                // Members may share an address (a loopback test); then every port must still be unique.
                if (endpoints.TryGetValue((member.Address, port), out var owner))
                    throw new DatabaseConfigException(
                        $"Member '{member.Name}': {role} port {port} on {member.Address} is already used by {owner}: pick another port.");
                endpoints[(member.Address, port)] = $"member '{member.Name}' ({role})";
            }

            foreach (var (key, value) in member.Paths.All())
            {
                RequireAbsolutePath(key, value, $"member '{member.Name}'");
                if (paths.TryGetValue((member.Address, value), out var owner))
                    throw new DatabaseConfigException(
                        $"Member '{member.Name}': path {key} '{value}' on {member.Address} is already used by {owner}: give each member its own directories.");
                paths[(member.Address, value)] = $"member '{member.Name}' ({key})";
            }
        }
    }

    private void ValidateDatabases()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            ServiceDatabase.Check(database);
            if (!seen.Add(database))
                throw new DatabaseConfigException(
                    $"Database '{database}' is listed twice: each Service owns its own database, give each a distinct name.");
        }
    }

    // Paths end up in shell commands (archive_command) and config files: keep them plain.
    private static void RequireAbsolutePath(string key, string value, string where)
    {
        if (!value.StartsWith('/') || value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '%' or '\\'))
            throw new DatabaseConfigException(
                $"{where}: {key} '{value}' must be an absolute path without spaces, quotes, '%' or '\\'.");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();
}
