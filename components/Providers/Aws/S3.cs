using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:s3/bucket:Bucket</c>; encryption, access and policy are separate resources.</summary>
public sealed class Bucket(Scope scope, string id, BucketArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:s3/bucket:Bucket";
    public Output<string> BucketName => Output<string>("bucket");
    public Output<string> Arn => Output<string>("arn");
}

public sealed class BucketArgs : Args
{
    public Input<string>? BucketPrefix { get; init; }
    /// <summary>Lets a teardown delete a bucket that still holds objects (dev stacks only).</summary>
    public Input<bool>? ForceDestroy { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

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
