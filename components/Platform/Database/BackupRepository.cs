namespace Infra.Platform.Database;

/// <summary>Where pgBackRest keeps backups and archived WAL.</summary>
public abstract record BackupRepository
{
    /// <summary>Full backups kept; older ones and the WAL they need are expired.</summary>
    public int RetentionFull { get; init; } = 2;

    /// <summary>The pgBackRest <c>repo1-*</c> options, in a fixed order.</summary>
    internal abstract IEnumerable<(string Key, string Value)> Options();
}

/// <summary>
/// A directory. Every member must see the same directory (a mount shared between the hosts, e.g.
/// NFS), because whichever member is primary archives WAL into it.
/// </summary>
public sealed record PathRepository(string Path) : BackupRepository
{
    internal override IEnumerable<(string Key, string Value)> Options()
    {
        yield return ("repo1-type", "posix");
        yield return ("repo1-path", Path);
        yield return ("repo1-retention-full", RetentionFull.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, ...).</summary>
public sealed record S3Repository(
    string Bucket,
    string Endpoint,
    string Region,
    Credential AccessKey,
    Credential SecretKey,
    string Path = "/pgbackrest") : BackupRepository
{
    /// <summary>Path-style URIs (<c>endpoint/bucket</c>) are what most S3-compatible servers expect.</summary>
    public bool PathStyle { get; init; } = true;

    internal override IEnumerable<(string Key, string Value)> Options()
    {
        yield return ("repo1-type", "s3");
        yield return ("repo1-path", Path);
        yield return ("repo1-s3-bucket", Bucket);
        yield return ("repo1-s3-endpoint", Endpoint);
        yield return ("repo1-s3-region", Region);
        yield return ("repo1-s3-key", AccessKey.Render());
        yield return ("repo1-s3-key-secret", SecretKey.Render());
        yield return ("repo1-s3-uri-style", PathStyle ? "path" : "host");
        yield return ("repo1-retention-full", RetentionFull.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
