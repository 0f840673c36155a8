using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:s3/bucketOwnershipControls:BucketOwnershipControls</c>.</summary>
public sealed class BucketOwnershipControls(Scope scope, string id, BucketOwnershipControlsArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
}

public sealed class BucketOwnershipControlsArgs : Args
{
    public required Input<string> Bucket { get; init; }
    public required BucketOwnershipRule Rule { get; init; }
}

public sealed class BucketOwnershipRule : Args
{
    public required Input<string> ObjectOwnership { get; init; }
}
