using Infra.Platform.Configuration;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// A dc9 server's AZ, subnet and static address (and its data volume's AZ) derive from what the server is:
/// they never move when an AZ is added or another Service is added or removed, since a move replaces the
/// RAFT peer and its data volume. And the RAFT rules hold whether or not infra:placement is set.
/// </summary>
public class ServerPlacementStabilityTests
{
    /// <summary>Where each server is, as the program says: subnet, address, and its data volume's AZ.</summary>
    private static Dictionary<string, string> Servers(string program)
    {
        var resources = (YamlMappingNode)ProgramYaml.Parse(program)["resources"];
        string Type(YamlNode r) => r.At("type").Text();
        var volumes = resources.Children.Where(r => Type(r.Value) == "aws:ebs/volume:Volume")
            .ToDictionary(r => r.Key.ToString()[..^"-data".Length], r => r.Value.At("properties", "availabilityZone").Text());
        return resources.Children.Where(r => Type(r.Value) == "aws:ec2/instance:Instance" && r.Key.ToString().StartsWith("fleet-", StringComparison.Ordinal))
            .ToDictionary(r => r.Key.ToString(), r =>
                $"{r.Value.At("properties", "subnetId").Text()} {r.Value.At("properties", "privateIp").Text()} volume in {volumes[r.Key.ToString()]}");
    }

    private static string Catalog(params string[] services) =>
        "  infra:catalog:\n" + string.Concat(services.Select(s => $"    {s}:\n      routes:\n        - host: api\n          path: /{s}/\n"));

    private static string Placement(params (string Service, int Servers)[] extra) =>
        "  infra:placement:\n    gateway: 3\n    accounts: 3\n    events: 3\n" + string.Concat(extra.Select(e => $"    {e.Service}: {e.Servers}\n"));

    private static string Stack(string extra) => Dc9Synth.ExampleConfig.TrimEnd() + "\n" + extra;

    [Theory]
    [InlineData("4")]
    [InlineData("5")]
    [InlineData("6")]
    public void Adding_an_az_moves_no_server_and_no_data_volume(string azCount)
    {
        var before = Servers(Dc9Synth.Yaml());
        var after = Servers(Dc9Synth.Yaml(Dc9Synth.With("azCount", $"\"{azCount}\"")));
        Assert.Equal(9, before.Count);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Adding_an_az_moves_no_server_of_a_fleet_with_more_servers_per_service()
    {
        var yaml = Stack(Catalog("billing") + Placement(("billing", 4)).Replace("gateway: 3", "gateway: 5"));
        var before = Servers(Dc9Synth.Yaml(yaml));
        Assert.Equal(Dc9Synth.Yaml(yaml), Dc9Synth.Yaml(yaml)); // deterministic
        Assert.Equal(before, Servers(Dc9Synth.Yaml(yaml + "  infra:azCount: \"5\"\n")));
    }

    [Fact]
    public void A_service_added_before_another_in_the_catalog_moves_none_of_its_servers()
    {
        // Pulumi hands infra:catalog over with its keys sorted, so a Service added later may come first.
        var before = Servers(Dc9Synth.Yaml(Stack(Catalog("notifications") + Placement(("notifications", 2)))));
        var after = Servers(Dc9Synth.Yaml(Stack(Catalog("billing", "notifications") + Placement(("billing", 2), ("notifications", 2)))));
        Assert.Equal(11, before.Count);
        Assert.All(before, server => Assert.Equal(server.Value, after.GetValueOrDefault(server.Key)));
    }

    [Fact]
    public void Removing_a_service_from_the_catalog_moves_none_of_the_others()
    {
        var before = Servers(Dc9Synth.Yaml(Stack(Catalog("billing", "notifications") + Placement(("billing", 2), ("notifications", 2)))));
        var after = Servers(Dc9Synth.Yaml(Stack(Catalog("notifications") + Placement(("notifications", 2)))));
        Assert.All(after, server => Assert.Equal(before.GetValueOrDefault(server.Key), server.Value));
    }

    [Fact]
    public void A_default_placement_with_an_even_number_of_peers_is_a_config_error_with_a_placement_that_works()
    {
        // Four Services and no infra:placement: 3 servers each would make 12 RAFT peers.
        var yaml = Stack(Catalog("billing"));
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(yaml)).Message;
        Assert.Contains("infra:placement: is not set, so each of the 4 Services gets 3 servers: 12 RAFT peers in all, and it must be odd and at least 3", message);
        const string suggested = "{gateway: 3, accounts: 3, events: 3, billing: 2}";
        Assert.Contains($"Allowed: e.g. infra:placement {suggested}.", message);

        var program = Dc9Synth.Yaml(yaml + $"  infra:placement: {suggested}\n");
        Assert.Equal(11, Servers(program).Count);
    }

    [Fact]
    public void An_explicit_placement_with_an_even_number_of_peers_is_refused_as_before()
    {
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Stack(Placement().Replace("events: 3", "events: 2")))).Message;
        Assert.Contains("infra:placement = \"8\": is the total number of servers (RAFT peers); it must be odd and at least 3", message);
        Assert.Contains("Allowed: e.g. infra:placement {gateway: 3, accounts: 3, events: 1}.", message);
    }

    [Fact]
    public void A_placement_that_puts_half_of_the_peers_in_one_az_is_refused()
    {
        // gateway-1 and events-2 both land in the first AZ: 2 of 3 peers; losing that AZ loses the majority.
        var yaml = Stack("  infra:services: [gateway, events]\n  infra:placement: {gateway: 1, events: 2}\n");
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(yaml)).Message;
        Assert.Contains("infra:placement = \"{gateway: 1, events: 2}\": puts 2 of the 3 RAFT peers (gateway-1, events-2) in the first AZ; " +
                        "losing that AZ would lose the majority. At most 1 may share an AZ.", message);
        const string suggested = "{gateway: 2, events: 1}"; // the nearest: gateway-2 in the second AZ, events-1 in the third
        Assert.Contains($"Allowed: e.g. infra:placement {suggested}.", message);
        Assert.Equal(3, Servers(Dc9Synth.Yaml(Stack($"  infra:services: [gateway, events]\n  infra:placement: {suggested}\n"))).Count);
    }

    [Fact]
    public void An_address_group_clash_is_a_config_error_and_an_explicit_group_fixes_it()
    {
        var pair = Dc9PlacementTests.CollidingPair();
        var (first, second) = string.CompareOrdinal(pair.First, pair.Second) < 0 ? pair : (pair.Second, pair.First);
        var yaml = Stack(Catalog(first, second) + Placement((first, 1), (second, 1)));
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(yaml)).Message;
        Assert.Contains($"infra:placement: {first} and {second} get the same address group", message);
        var fix = message.Split("Set ")[1].Split(" (a deployed")[0];
        var group = fix.Split("addressGroup: ")[1].TrimEnd('}');

        var pinned = Servers(Dc9Synth.Yaml(yaml.Replace($"    {second}: 1\n", $"    {second}: {{servers: 1, addressGroup: {group}}}\n")));
        Assert.Equal(11, pinned.Count);
    }

    [Theory]
    [InlineData("{gateway: 3, accounts: 3, events: {servers: 3, addressGroup: 99}}", "infra:placement.events.addressGroup = \"99\": is out of range. Allowed: an integer from 0 to 15.")]
    [InlineData("{gateway: 3, accounts: 3, events: {addressGroup: 2}}", "infra:placement.events.servers: is required and not set.")]
    [InlineData("{gateway: 3, accounts: 3, events: {servers: 3, zone: 2}}", "infra:placement.events.zone: is not a known field. Allowed: the fields servers, addressGroup")]
    public void Placement_objects_are_validated(string placement, string expected)
    {
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Dc9Synth.With("placement", placement))).Message;
        Assert.Contains(expected, message);
    }

    [Fact]
    public void A_placement_object_with_the_derived_group_changes_nothing()
    {
        Assert.Equal(Dc9Synth.Yaml(Dc9Synth.With("placement", "{gateway: 3, accounts: 3, events: 3}")),
            Dc9Synth.Yaml(Dc9Synth.With("placement", "{gateway: 3, accounts: {servers: 3, addressGroup: 1}, events: 3}")));
    }
}
