using Infra.Synthesis;

namespace Infra.Providers.Command;

/// <summary><c>pulumi:providers:command</c>: runs commands locally or on hosts over SSH.</summary>
public sealed class CommandProvider(Scope scope, string id, ResourceOptions? options = null)
    : ProviderResource(scope, id, "command", PinnedProviders.Command, null, options);
