using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock</c>.</summary>
public sealed class BucketPublicAccessBlock(Scope scope, string id, BucketPublicAccessBlockArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
}

public sealed class BucketPublicAccessBlockArgs : Args
{
    public required Input<string> Bucket { get; init; }
    public Input<bool>? BlockPublicAcls { get; init; }
    public Input<bool>? BlockPublicPolicy { get; init; }
    public Input<bool>? IgnorePublicAcls { get; init; }
    public Input<bool>? RestrictPublicBuckets { get; init; }
}
