using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Stacks;
using Infra.Stacks.Dc9;
using Infra.Synthesis;

namespace Infra.FleetCall;

/// <summary>
/// The dc9 tier at 90 and 900 servers: the committed Pulumi.dc9.yaml with the three Services scaled up.
/// As in the real tier, the fleet has one user-data (on its launch template) whose peer table lists every server.
/// </summary>
public static class Dc9Fleets
{
    public static Blueprint Build(string root, int servers)
    {
        var tier = new Dc9Tier();
        var config = new ConfigReader(ConfigSource.FromStackFile(Path.Combine(root, "Pulumi.dc9.yaml")), "dc9", Tier.Dc9, tier.Keys);
        var platform = PlatformSettings.Read(config);
        var dc9 = Dc9Settings.Read(config, platform);
        config.ThrowIfInvalid();
        var perService = servers / platform.Services.Services.Count;
        var slots = (perService + Dc9Placement.ServerZones - 1) / Dc9Placement.ServerZones;
        dc9 = dc9 with { Placement = platform.Services.Names.ToDictionary(s => s, _ => perService) };
        var blueprint = new Blueprint($"dc9-{servers}");
        Dc9Tier.Compose(blueprint, new StackIdentity("dc9", Tier.Dc9, platform), dc9, new FleetLayout(slots, slots * platform.Services.Services.Count));
        return blueprint;
    }
}
