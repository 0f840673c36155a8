using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration</c>.</summary>
public sealed class BucketEncryption(Scope scope, string id, BucketEncryptionArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
}

public sealed class BucketEncryptionArgs : Args
{
    public required Input<string> Bucket { get; init; }
    public required IReadOnlyList<BucketEncryptionRule> Rules { get; init; }
}

public sealed class BucketEncryptionRule : Args
{
    public required BucketEncryptionDefault ApplyServerSideEncryptionByDefault { get; init; }
}

public sealed class BucketEncryptionDefault : Args
{
    public required Input<string> SseAlgorithm { get; init; }
}
