using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Stacks.OnPrem3;

/// <summary>
/// The database ports every host uses. The app's HTTP and bus ports are the platform's fixed ones
/// (<see cref="PlatformBinary"/>): every container uses the host's network, so no two may be equal.
/// </summary>
public sealed record OnPrem3Ports(int Db, int Patroni, int EtcdClient, int EtcdPeer);

/// <summary>The pgBackRest repository and schedule. S3 credentials are secret config, referenced, never read.</summary>
public sealed record OnPrem3Backup(string Type, string Path, string? S3Bucket, string? S3Endpoint, string? S3Region,
    int IntervalHours, int RetentionFull)
{
    public bool IsS3 => Type == "s3";
}

/// <summary>The onprem3 tier's settings, validated; every problem is reported at once.</summary>
public sealed partial record OnPrem3Settings(
    IReadOnlyList<string> Hosts,
    string SshUser,
    int SshPort,
    string DnsZone,
    string AppImage,
    IReadOnlyList<string>? AppEntrypoint,
    OnPrem3Ports Ports,
    string PostgresImage,
    int PostgresMajor,
    string EtcdImage,
    OnPrem3Backup Backup)
{
    public const int HostCount = 3;

    [GeneratedRegex(@":(?<major>[0-9]{1,2})(\.[0-9]+)?(-[A-Za-z0-9._-]+)?(@|$)")]
    private static partial Regex MajorTag();

    public static OnPrem3Settings Read(ConfigReader config)
    {
        var hosts = ReadHosts(config);
        var sshUser = config.Get(OnPrem3Keys.SshUser);
        var appImage = config.Get(OnPrem3Keys.AppImage);
        IReadOnlyList<string>? entrypoint = appImage == StandInBinary.Image ? StandInBinary.Entrypoint : null;
        if (config.IsSet(OnPrem3Keys.AppEntrypoint))
        {
            var given = config.Get(OnPrem3Keys.AppEntrypoint) ?? [];
            entrypoint = given.Count == 0 ? null : given;
        }

        var ports = new OnPrem3Ports(
            config.Get(OnPrem3Keys.DbPort),
            config.Get(OnPrem3Keys.PatroniPort),
            config.Get(OnPrem3Keys.EtcdClientPort),
            config.Get(OnPrem3Keys.EtcdPeerPort));
        CheckPortClashes(config, ports);

        var postgresImage = config.Get(OnPrem3Keys.PostgresImage);
        var major = 0;
        if (MajorTag().Match(postgresImage) is { Success: true } m) major = int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture);
        else config.Report(OnPrem3Keys.PostgresImage, postgresImage,
            "has no tag starting with the PostgreSQL major version, so the binaries' folder (/usr/lib/postgresql/MAJOR/bin) is unknown.");

        return new OnPrem3Settings(
            hosts,
            sshUser,
            config.Get(OnPrem3Keys.SshPort),
            config.Get(OnPrem3Keys.DnsZone),
            appImage,
            entrypoint,
            ports,
            postgresImage,
            major,
            config.Get(OnPrem3Keys.EtcdImage),
            ReadBackup(config));
    }

    private static List<string> ReadHosts(ConfigReader config)
    {
        var key = OnPrem3Keys.Hosts;
        var hosts = (config.Get(key) ?? []).Select(h => h.Trim()).ToList();
        if (hosts.Count is > 0 and not HostCount)
            config.Report(key, string.Join(", ", hosts), $"lists {hosts.Count} hosts; onprem3 runs on exactly {HostCount}.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            if (HostAddress.Problem(host) is { } problem)
                config.Report(key, host, problem);
            else if (!seen.Add(HostAddress.Canonical(host)))
                config.Report(key, host, "is listed twice: the three servers must be three different hosts.");
            else if (Placeholders.DocumentationAddress(host) is { } example)
                config.Placeholder(key, host, example);
        }
        return hosts;
    }

    /// <summary>Every host binds every port on its own network, so no two may be equal.</summary>
    private static void CheckPortClashes(ConfigReader config, OnPrem3Ports ports)
    {
        var bound = new (ConfigKey Key, int Port)[]
        {
            (OnPrem3Keys.DbPort, ports.Db), (OnPrem3Keys.PatroniPort, ports.Patroni),
            (OnPrem3Keys.EtcdClientPort, ports.EtcdClient), (OnPrem3Keys.EtcdPeerPort, ports.EtcdPeer),
        };
        foreach (var clash in bound.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            var keys = clash.Select(c => c.Key.FullName).ToList();
            config.Report(clash.Last().Key, clash.Key.ToString(CultureInfo.InvariantCulture),
                $"clashes with {string.Join(" and ", keys.SkipLast(1))}: both bind port {clash.Key} on every host.",
                "a port not used by another port key");
        }
        foreach (var (key, port) in bound)
        {
            if (port == PlatformBinary.HttpPort || port == PlatformBinary.BusPort)
                config.Report(key, port.ToString(CultureInfo.InvariantCulture),
                    $"clashes with the platform binary, which binds {PlatformBinary.HttpPort} (HTTP) and {PlatformBinary.BusPort} (bus) on every host.",
                    "a port other than 8080 and 7070");
        }
    }

    private static OnPrem3Backup ReadBackup(ConfigReader config)
    {
        var type = config.Get(OnPrem3Keys.BackupRepoType);
        var path = config.IsSet(OnPrem3Keys.BackupRepoPath) || type != "s3" ? config.Get(OnPrem3Keys.BackupRepoPath) : "/pgbackrest";
        if (type == "path" && SystemDirectory(path) is { } system)
            config.Report(OnPrem3Keys.BackupRepoPath, path,
                $"is {system}: the backup containers mount it and pgBackRest (uid 999) must own it, so it has to be a directory of its own.",
                "a directory for backups only, such as /srv/pgbackrest on a mount shared by the three hosts");
        string? bucket = null, endpoint = null, region = null;
        var s3Keys = new ConfigKey[] { OnPrem3Keys.BackupS3Bucket, OnPrem3Keys.BackupS3Endpoint, OnPrem3Keys.BackupS3Region };
        if (type == "s3")
        {
            bucket = Required(config, OnPrem3Keys.BackupS3Bucket);
            endpoint = Required(config, OnPrem3Keys.BackupS3Endpoint);
            if (endpoint is { Length: > 0 } && Placeholders.ExampleHost(endpoint.Split(':')[0]) is { } exampleEndpoint)
                config.Placeholder(OnPrem3Keys.BackupS3Endpoint, endpoint, exampleEndpoint);
            region = Required(config, OnPrem3Keys.BackupS3Region);
            config.Secret(OnPrem3Keys.BackupS3AccessKey, required: true);
            config.Secret(OnPrem3Keys.BackupS3SecretKey, required: true);
        }
        else
        {
            foreach (var key in s3Keys.Concat([OnPrem3Keys.BackupS3AccessKey, OnPrem3Keys.BackupS3SecretKey]).Where(config.IsSet))
                config.Report(key, null, $"is only used when {OnPrem3Keys.BackupRepoType.FullName} is s3, and it is '{type}'.",
                    $"remove it, or set {OnPrem3Keys.BackupRepoType.FullName} to s3");
        }
        return new OnPrem3Backup(type, path, bucket, endpoint, region,
            config.Get(OnPrem3Keys.BackupIntervalHours),
            config.Get(OnPrem3Keys.BackupRetentionFull));
    }

    // Directories of the operating system: mounting one into the backup containers and handing it to
    // pgBackRest's user would break the host.
    private static readonly string[] SystemDirectories =
        ["/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/opt", "/proc", "/root", "/run", "/sbin", "/srv",
         "/sys", "/tmp", "/usr", "/var", "/var/lib", "/var/lib/docker", "/var/log", "/var/run", "/mnt", "/media"];

    private static readonly string[] SystemTrees = ["/bin/", "/boot/", "/dev/", "/etc/", "/lib/", "/lib64/", "/proc/", "/run/", "/sbin/", "/sys/", "/usr/", "/var/lib/docker/"];

    private static string? SystemDirectory(string path)
    {
        var normal = path.Length > 1 ? path.TrimEnd('/') : path;
        if (normal == "/") return "the root directory";
        if (SystemDirectories.Contains(normal)) return "a directory of the operating system";
        return SystemTrees.Any(t => (normal + "/").StartsWith(t, StringComparison.Ordinal)) ? "inside a directory of the operating system" : null;
    }

    private static string? Required(ConfigReader config, ConfigKey<string> key)
    {
        if (config.IsSet(key)) return config.Get(key);
        config.Report(key, null, $"is required when {OnPrem3Keys.BackupRepoType.FullName} is s3.");
        return null;
    }
}
