namespace Infra.Tests.OnPrem.Realization;

/// <summary>
/// The Debian packages the realization test starts for real. Missing ones fail the test with the
/// install line, never a silent skip.
/// </summary>
internal static class RequiredPackages
{
    public const string InstallLine = "apt-get install -y postgresql patroni etcd-server etcd-client pgbackrest";

    private static readonly (string Path, string Package)[] Binaries =
    [
        ("/usr/bin/patroni", "patroni"),
        ("/usr/bin/etcd", "etcd-server"),
        ("/usr/bin/etcdctl", "etcd-client"),
        ("/usr/bin/pgbackrest", "pgbackrest"),
        ("/usr/bin/psql", "postgresql"),
        ("/usr/bin/setpriv", "util-linux"),
    ];

    /// <summary>The newest installed PostgreSQL's bin directory; throws naming what is missing.</summary>
    public static string RequirePostgresBinDir()
    {
        var missing = Binaries.Where(b => !File.Exists(b.Path)).Select(b => b.Package).ToList();
        var binDir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "pg_rewind")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (binDir is null) missing.Add("postgresql");
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"This realization test needs Debian packages that are not installed ({string.Join(", ", missing.Distinct())}). " +
                $"Install them as root: apt-get update && {InstallLine}");
        if (Environment.UserName != "root")
            throw new InvalidOperationException(
                "This realization test must run as root: it starts PostgreSQL and Patroni as the 'postgres' user with setpriv.");
        return binDir!;
    }
}
