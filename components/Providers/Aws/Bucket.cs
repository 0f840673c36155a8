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
