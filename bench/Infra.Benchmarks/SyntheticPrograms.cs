using Infra.Platform;
using Infra.Stacks;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;

namespace Infra.Benchmarks;

/// <summary>The programs measured: each available tier, and flat programs of N containers that reference each other.</summary>
public static class SyntheticPrograms
{
    public static IEnumerable<string> TierStacks(string root) =>
        TierRegistry.Available.Select(t => TierShape.Of(t.Tier).Name);

    public static Blueprint Tier(string root, string stack) => StackSynthesizer.Synthesize(new ProjectDirectory(root), stack, null);

    /// <summary>N resources in components of 10: a network plus containers with env, ports, health checks and references.</summary>
    public static Blueprint Flat(int resources)
    {
        var blueprint = new Blueprint("synthetic");
        blueprint.UseProvider(new DockerProvider(blueprint, "docker"));
        var network = new Network(blueprint, "network", new NetworkArgs { Name = "bench" });
        var groups = (resources - 2) / 10;
        for (var g = 0; g < groups; g++) _ = new Group(blueprint, $"group-{g}", network);
        return blueprint;
    }

    private sealed class Group : Component
    {
        public Group(Scope scope, string id, Network network) : base(scope, id)
        {
            for (var i = 0; i < 10; i++)
            {
                var container = new Container(this, $"c{i}", new ContainerArgs
                {
                    Image = "docker.io/library/busybox:1.36.1",
                    Name = $"{id}-c{i}",
                    Envs = [$"INDEX={i}", "SCRIPT=echo ${HOME} $1", Text.Interpolate($"NETWORK={network.NetworkName}")],
                    Ports = [new ContainerPort { Internal = 8080, External = 20000 + i }],
                    NetworksAdvanced = [new ContainerNetworksAdvanced { Name = network.NetworkName, Aliases = [$"{id}-c{i}"] }],
                    Healthcheck = new ContainerHealthcheck { Tests = ["CMD", "true"], Interval = "10s" },
                    Restart = "unless-stopped",
                });
                if (i == 0) DeclareAnchor(container);
            }
        }
    }
}
