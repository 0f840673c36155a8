using Infra.Synthesis;

namespace Infra.Providers;

/// <summary>
/// The program Pulumi gets when it runs the compiler without a stack (to learn which plugins to
/// install): one pinned provider per package the suite uses, and nothing else.
/// </summary>
public static class PluginDiscovery
{
    public static Blueprint Build()
    {
        var blueprint = new Blueprint("plugin-discovery")
        {
            Description = "Plugin discovery: every provider the suite uses, at its pinned version.",
        };
        foreach (var (package, version) in PinnedProviders.All)
            _ = new ProviderResource(blueprint, $"{package}-provider", package, version);
        return blueprint;
    }
}
