using System.IO.Compression;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;
using Infra.Stacks.Dc9;
using Infra.Synthesis;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>The dc9 tier scaled to 900 servers, as the benchmark builds it: still correct, still within EC2 limits.</summary>
public class Dc9ScaleTests
{
    private static string Build(int servers)
    {
        using var project = new TempProject(("dc9", Dc9Synth.ExampleConfig));
        var tier = new Dc9Tier();
        var config = new ConfigReader(ConfigSource.FromStackFile(Path.Combine(project.Root, "Pulumi.dc9.yaml")), "dc9", Tier.Dc9, tier.Keys);
        var platform = PlatformSettings.Read(config);
        var dc9 = Dc9Settings.Read(config, platform);
        config.ThrowIfInvalid();
        var perService = servers / 3;
        var slots = perService / 3;
        dc9 = dc9 with { Placement = platform.Services.Names.ToDictionary(s => s, _ => perService) };
        var blueprint = new Blueprint("dc9-scale");
        Dc9Tier.Compose(blueprint, new StackIdentity("dc9", Tier.Dc9, platform), dc9, new FleetLayout(slots, slots * 3));
        return blueprint.ToYaml();
    }

    [Fact]
    public void A_900_server_fleet_gets_one_gzipped_peer_table_with_every_server_and_unique_static_addresses()
    {
        var program = ProgramYaml.Parse(Build(900));
        var resources = (YamlMappingNode)program["resources"];
        var instances = resources.Children
            .Where(r => ((YamlScalarNode)r.Value["type"]).Value == "aws:ec2/instance:Instance" && r.Key.ToString().StartsWith("fleet-", StringComparison.Ordinal))
            .Select(r => (Name: r.Key.ToString()[6..], Properties: (YamlMappingNode)r.Value["properties"]))
            .ToList();
        Assert.Equal(900, instances.Count);
        Assert.Equal(900, instances.Select(i => i.Properties["privateIp"].ToString()).Distinct().Count());
        Assert.All(instances, i => Assert.False(i.Properties.Children.ContainsKey(new YamlScalarNode("userDataBase64")), $"{i.Name} has its own user-data"));

        // 900 rows pass EC2's 16 KB plain limit: the template's user-data is a gzipped base64 literal, still within it.
        var template = resources.Children.Single(r => r.Key.ToString() == "fleet-template").Value;
        var bytes = Convert.FromBase64String(template["properties"]["userData"].ToString());
        Assert.True(bytes.Length <= UserDataEncoding.MaxBytes, $"{bytes.Length} bytes");
        using var reader = new StreamReader(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress));
        var userData = reader.ReadToEnd();
        Assert.StartsWith("#cloud-config\n", userData);
        var rows = Infra.Policies.Inspection.PeerTables.Find(userData)!;
        Assert.Equal(900, rows.Count);
        var rowByAddress = rows.ToDictionary(r => r.Address);
        Assert.All(instances, i => Assert.Equal(i.Name, rowByAddress[i.Properties["privateIp"].ToString()].NodeId));

        var reservations = resources.Children.Values
            .Where(r => ((YamlScalarNode)r["type"]).Value == "aws:ec2/subnetCidrReservation:SubnetCidrReservation")
            .Select(r => Ipv4Cidr.Parse(r["properties"]["cidrBlock"].ToString()))
            .ToList();
        Assert.All(instances, i => Assert.Contains(reservations, r => r.Contains(Ipv4Address.Parse(i.Properties["privateIp"].ToString()))));
    }
}
