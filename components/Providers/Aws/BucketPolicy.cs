using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:s3/bucketPolicy:BucketPolicy</c>.</summary>
public sealed class BucketPolicy(Scope scope, string id, BucketPolicyArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:s3/bucketPolicy:BucketPolicy";
}

public sealed class BucketPolicyArgs : Args
{
    public required Input<string> Bucket { get; init; }
    public required Input<string> Policy { get; init; }
}
