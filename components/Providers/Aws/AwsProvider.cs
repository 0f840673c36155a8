using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>pulumi:providers:aws</c>: one region; default tags land on every taggable resource.</summary>
public sealed class AwsProvider(Scope scope, string id, AwsProviderArgs args, ResourceOptions? options = null)
    : ProviderResource(scope, id, "aws", PinnedProviders.Aws, args, options);

public sealed class AwsProviderArgs : Args
{
    public required Input<string> Region { get; init; }
    public AwsDefaultTags? DefaultTags { get; init; }
}

public sealed class AwsDefaultTags : Args
{
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
