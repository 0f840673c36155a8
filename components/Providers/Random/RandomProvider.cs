using Infra.Synthesis;

namespace Infra.Providers.Random;

/// <summary><c>pulumi:providers:random</c>: generates values (passwords) that live in the stack's state.</summary>
public sealed class RandomProvider(Scope scope, string id, ResourceOptions? options = null)
    : ProviderResource(scope, id, "random", PinnedProviders.Random, null, options);
