namespace Infra.Platform.Binary;

/// <summary>
/// How a server's Services reach PostgreSQL, without secrets: the password and any connection string
/// are references that the construct adds under <see cref="PlatformBinary.DbPassword"/> and
/// <see cref="PlatformBinary.DbUrl"/>. <see cref="Databases"/> maps each Service to its own database.
/// </summary>
public sealed record BinaryDatabase(string Host, int Port, string User, IReadOnlyDictionary<string, string> Databases)
{
    public string? SslMode { get; init; }
    public string? TargetSessionAttrs { get; init; }
}
