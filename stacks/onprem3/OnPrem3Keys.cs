using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Stacks.OnPrem3;

/// <summary>The config keys of the onprem3 tier, beyond the common ones; each declared once (README table and `infra config keys` come from here).</summary>
public static partial class OnPrem3Keys
{
    private const string PortAllowed = "a port from 1 to 65535, not used by another port key nor the app's 8080 and 7070";

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex UnixUser();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex DnsName();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]
    private static partial Regex EndpointShape();

    private static ConfigShape<string> Image { get; } = ConfigShapes.Text(ImageReference.Allowed, ImageReference.Problem);

    public static readonly ConfigKey<IReadOnlyList<string>?> Hosts = new("hosts",
        ConfigShapes.StringList("a list of exactly 3 distinct IP addresses, e.g. [\"10.0.0.11\", \"10.0.0.12\", \"10.0.0.13\"]"), null,
        "The three hosts' fixed IP addresses (Docker installed, reachable over SSH; no host names: DNS is an output of this stack). " +
        "Order matters: it names server-1..3.")
    {
        Required = true,
        RequiredWhy = "the tier needs its three hosts' addresses",
    };

    public static readonly ConfigKey<string> SshUser = new("sshUser",
        ConfigShapes.Pattern(UnixUser(), "is not a valid Unix user name.",
            "a Unix user name: lower-case letters, digits, '_' and '-', starting with a letter or '_'"), "",
        "User that Pulumi's Docker provider logs in as (ssh://USER@ADDRESS:PORT); it must be allowed to use Docker.")
    {
        Required = true,
        RequiredWhy = "the Docker provider logs in as this user",
    };

    public static readonly ConfigKey<int> SshPort = new("sshPort", ConfigShapes.Port, 22, "SSH port of the hosts.");

    public static readonly ConfigKey<string> DnsZone = new("dnsZone",
        ConfigShapes.Pattern(DnsName(), "is not a DNS name.", "a DNS name such as platform.example.internal"), "platform.internal",
        "DNS zone of the records in the dnsRecords output, which the operator creates (DNS is manual in this tier).");

    public static readonly ConfigKey<string> AppImage = new("appImage", Image, StandInBinary.Image,
        "Image of the platform binary. The default is the pinned stand-in the laptop tier uses.");

    public static readonly ConfigKey<IReadOnlyList<string>?> AppEntrypoint = new("appEntrypoint",
        ConfigShapes.StringList("a list of strings; [] for the image's own", allowEmpty: true), null,
        "Replaces the image's entrypoint; the binary's flags are passed after it.")
    {
        DefaultText = "the stand-in script for the default image, the image's own for any other",
    };

    public static readonly ConfigKey<int> DbPort = new("dbPort", ConfigShapes.Port, 5432, "PostgreSQL port on each host.") { Allowed = PortAllowed };

    public static readonly ConfigKey<int> PatroniPort = new("patroniPort", ConfigShapes.Port, 8008,
        "Patroni REST port on each host (health, /cluster, switchover).") { Allowed = PortAllowed };

    public static readonly ConfigKey<int> EtcdClientPort = new("etcdClientPort", ConfigShapes.Port, 2379, "etcd client port on each host.")
    {
        Allowed = PortAllowed,
    };

    public static readonly ConfigKey<int> EtcdPeerPort = new("etcdPeerPort", ConfigShapes.Port, 2380, "etcd peer port on each host.")
    {
        Allowed = PortAllowed,
    };

    public static readonly ConfigKey<string> PostgresImage = new("postgresImage", Image, "docker.io/library/postgres:17.2-bookworm",
        "Base of the Patroni image built on each host from images/patroni/Dockerfile (PostgreSQL + Patroni + pgBackRest). Its tag " +
        "must start with the PostgreSQL major version.")
    {
        Allowed = "a pinned image such as docker.io/library/postgres:17.2-bookworm",
    };

    public static readonly ConfigKey<string> EtcdImage = new("etcdImage", Image, "quay.io/coreos/etcd:v3.5.17", "etcd image.");

    public static readonly ConfigKey<string> BackupRepoType = new("backupRepoType",
        ConfigShapes.OneOf("is not a repository type.", "path", "s3"), "path",
        "Where pgBackRest keeps backups: a directory shared by the hosts (path) or an S3-compatible bucket (s3).");

    public static readonly ConfigKey<string> BackupRepoPath = new("backupRepoPath",
        ConfigShapes.Text("an absolute path other than / without spaces, quotes or ':'", PathProblem), "/var/lib/pgbackrest",
        "path: the host directory, the same shared mount (e.g. NFS) on every host since whichever host is primary archives " +
        "into it; created and given to the image's postgres user (uid 999) on deployment. s3: the prefix in the bucket.")
    {
        DefaultText = "/var/lib/pgbackrest (path), /pgbackrest (s3)",
    };

    public static readonly ConfigKey<string> BackupS3Bucket = new("backupS3Bucket",
        ConfigShapes.Pattern(BucketName(), "is not a valid bucket name.", "3 to 63 lower-case letters, digits, '.' and '-'"), "",
        "s3: bucket name.") { DefaultText = "required for s3" };

    public static readonly ConfigKey<string> BackupS3Endpoint = new("backupS3Endpoint",
        ConfigShapes.Pattern(EndpointShape(), "is not a host or host:port (leave out https://).", "a host name or host:port, no scheme"), "",
        "s3: endpoint host, e.g. s3.eu-west-1.amazonaws.com or minio.example.internal:9000.") { DefaultText = "required for s3" };

    public static readonly ConfigKey<string> BackupS3Region = new("backupS3Region",
        ConfigShapes.Text("a region name such as eu-west-1", v => v.Length is > 0 and <= 64 && !v.Any(char.IsWhiteSpace) ? null : "is not a region name."),
        "", "s3: region (any value for MinIO).") { DefaultText = "required for s3" };

    public static readonly ConfigKey<string?> BackupS3AccessKey = ConfigKey.Secret("backupS3AccessKey",
        "s3: access key id; referenced by the program, never copied into it.");

    public static readonly ConfigKey<string?> BackupS3SecretKey = ConfigKey.Secret("backupS3SecretKey",
        "s3: secret access key; referenced by the program, never copied into it.");

    public static readonly ConfigKey<int> BackupIntervalHours = new("backupIntervalHours", ConfigShapes.Integer(1, 168), 24,
        "Hours between backups (full on Sundays, differential otherwise); the first backup, and a retry after a failed one, " +
        "comes within a minute of a primary being elected.");

    public static readonly ConfigKey<int> BackupRetentionFull = new("backupRetentionFull", ConfigShapes.Integer(1, 30), 2,
        "Full backups kept; older ones and their WAL are expired.");

    public static readonly IReadOnlyList<ConfigKey> Ports = [DbPort, PatroniPort, EtcdClientPort, EtcdPeerPort];

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Hosts, SshUser, SshPort, DnsZone, AppImage, AppEntrypoint, .. Ports, PostgresImage, EtcdImage,
        BackupRepoType, BackupRepoPath, BackupS3Bucket, BackupS3Endpoint, BackupS3Region, BackupS3AccessKey,
        BackupS3SecretKey, BackupIntervalHours, BackupRetentionFull,
    ];

    private static string? PathProblem(string v) =>
        v.StartsWith('/') && v != "/" && !v.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '%' or '\\' or ':') && !v.Split('/').Contains("..")
            ? null
            : "is not an absolute path (other than /) without spaces, quotes, ':' or '..'.";
}
