using Infra.Platform.Configuration;

namespace Infra.Stacks.OnPrem3;

/// <summary>The config keys of the onprem3 tier, beyond the common ones.</summary>
public static class OnPrem3Keys
{
    public static readonly ConfigKey Hosts = new("hosts", ConfigKind.StringList,
        "The three hosts' fixed IP addresses (Docker installed, reachable over SSH). Order matters: it names server-1..3.",
        "a list of exactly 3 distinct IP addresses, e.g. [\"10.0.0.11\", \"10.0.0.12\", \"10.0.0.13\"]");

    public static readonly ConfigKey SshUser = new("sshUser", ConfigKind.String,
        "User that Pulumi's Docker provider logs in as (ssh://USER@host); it must be allowed to use Docker.",
        "a Unix user name: lower-case letters, digits, '_' and '-', starting with a letter or '_'");

    public static readonly ConfigKey SshPort = new("sshPort", ConfigKind.Integer, "SSH port of the hosts.", "a port from 1 to 65535");

    public static readonly ConfigKey DnsZone = new("dnsZone", ConfigKind.String,
        "DNS zone the operator creates the output records in (DNS is manual in this tier).",
        "a DNS name such as platform.example.internal");

    public static readonly ConfigKey AppImage = new("appImage", ConfigKind.String,
        "Image of the platform binary. The default is the pinned stand-in the laptop tier uses.", ImageReference.Allowed);

    public static readonly ConfigKey AppEntrypoint = new("appEntrypoint", ConfigKind.StringList,
        "Replaces the image's entrypoint; the binary's flags are passed after it.", "a list of strings; [] for the image's own");

    public static readonly ConfigKey DbPort = new("dbPort", ConfigKind.Integer,
        "PostgreSQL port on each host.", "a port from 1 to 65535, not used by another port key nor the app's 8080 and 7070");

    public static readonly ConfigKey PatroniPort = new("patroniPort", ConfigKind.Integer,
        "Patroni REST port on each host (health, /cluster, switchover).", "a port from 1 to 65535, not used by another port key nor the app's 8080 and 7070");

    public static readonly ConfigKey EtcdClientPort = new("etcdClientPort", ConfigKind.Integer,
        "etcd client port on each host.", "a port from 1 to 65535, not used by another port key nor the app's 8080 and 7070");

    public static readonly ConfigKey EtcdPeerPort = new("etcdPeerPort", ConfigKind.Integer,
        "etcd peer port on each host.", "a port from 1 to 65535, not used by another port key nor the app's 8080 and 7070");

    public static readonly ConfigKey PostgresImage = new("postgresImage", ConfigKind.String,
        "Base image of the Patroni image built on each host (PostgreSQL + Patroni + pgBackRest). Its tag must start " +
        "with the PostgreSQL major version.", "a pinned image such as docker.io/library/postgres:17.2-bookworm");

    public static readonly ConfigKey EtcdImage = new("etcdImage", ConfigKind.String, "etcd image.", ImageReference.Allowed);

    public static readonly ConfigKey BackupRepoType = new("backupRepoType", ConfigKind.String,
        "Where pgBackRest keeps backups: a directory shared by the hosts (path) or an S3-compatible bucket (s3).", "path | s3");

    public static readonly ConfigKey BackupRepoPath = new("backupRepoPath", ConfigKind.String,
        "path: the host directory (the same shared mount, e.g. NFS, on every host), created and given to the image's " +
        "postgres user (uid 999) on deployment; s3: the prefix in the bucket.",
        "an absolute path other than / without spaces, quotes or ':'");

    public static readonly ConfigKey BackupS3Bucket = new("backupS3Bucket", ConfigKind.String, "s3: bucket name.",
        "3 to 63 lower-case letters, digits, '.' and '-'");

    public static readonly ConfigKey BackupS3Endpoint = new("backupS3Endpoint", ConfigKind.String,
        "s3: endpoint host, e.g. s3.eu-west-1.amazonaws.com or minio.example.internal:9000.", "a host name or host:port, no scheme");

    public static readonly ConfigKey BackupS3Region = new("backupS3Region", ConfigKind.String, "s3: region (any value for MinIO).",
        "a region name such as eu-west-1");

    public static readonly ConfigKey BackupS3AccessKey = new("backupS3AccessKey", ConfigKind.Secret,
        "s3: access key id (secret).", "a secret: pulumi config set --secret infra:backupS3AccessKey VALUE");

    public static readonly ConfigKey BackupS3SecretKey = new("backupS3SecretKey", ConfigKind.Secret,
        "s3: secret access key (secret).", "a secret: pulumi config set --secret infra:backupS3SecretKey VALUE");

    public static readonly ConfigKey BackupIntervalHours = new("backupIntervalHours", ConfigKind.Integer,
        "Hours between backups (full on Sundays, differential otherwise).", "an integer from 1 to 168");

    public static readonly ConfigKey BackupRetentionFull = new("backupRetentionFull", ConfigKind.Integer,
        "Full backups kept; older ones and their WAL are expired.", "an integer from 1 to 30");

    public static readonly IReadOnlyList<ConfigKey> Ports = [DbPort, PatroniPort, EtcdClientPort, EtcdPeerPort];

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Hosts, SshUser, SshPort, DnsZone, AppImage, AppEntrypoint, .. Ports, PostgresImage, EtcdImage,
        BackupRepoType, BackupRepoPath, BackupS3Bucket, BackupS3Endpoint, BackupS3Region, BackupS3AccessKey,
        BackupS3SecretKey, BackupIntervalHours, BackupRetentionFull,
    ];
}
