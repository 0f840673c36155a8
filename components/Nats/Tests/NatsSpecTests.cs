using Infra.Platform;
using Infra.Platform.Binary;

namespace Infra.Nats.Tests;

/// <summary>The generator's rules: what it writes for a good spec, and the problem it names for a bad one.</summary>
public sealed class NatsSpecTests
{
    private static readonly NatsTlsFiles Tls = new("/etc/nats/tls/server.pem", "/etc/nats/tls/server-key.pem", "/etc/nats/tls/ca.pem");

    private static NatsRegionSpec Region(string name, string[] nearest, int servers = 3, int firstOctet = 0) =>
        new(name, Enumerable.Range(1, servers).Select(i => new NatsServerSpec($"{name}-{i}", $"10.{Octet(name)}.0.{10 + i + firstOctet}")).ToList(), nearest);

    private static int Octet(string name) => name switch { "eu-west" => 1, "us-east" => 2, "ap-south" => 3, _ => 9 };

    private static NatsSuperClusterSpec Spec(params NatsRegionSpec[] regions) => new() { Regions = regions, Tls = Tls };

    private static NatsSuperClusterSpec ThreeRegions() => Spec(
        Region("eu-west", ["us-east", "ap-south"]),
        Region("us-east", ["eu-west", "ap-south"]),
        Region("ap-south", ["eu-west", "us-east"]));

    private static NatsProblem Single(NatsSuperClusterSpec spec) => Assert.Single(Assert.Throws<NatsConfigException>(() => NatsSuperCluster.Generate(spec)).Problems);

    [Fact]
    public void Client_urls_list_the_own_region_first_then_the_others_by_distance()
    {
        var generated = NatsSuperCluster.Generate(ThreeRegions());
        var ap = generated.For("ap-south");
        Assert.Equal(["ap-south", "eu-west", "us-east"], ap.Groups.Select(g => g.Region));
        Assert.Equal(["tls://10.3.0.11:4222", "tls://10.3.0.12:4222", "tls://10.3.0.13:4222"], ap.Groups[0].Urls);
        Assert.Equal(9, ap.Flat.Count);
        Assert.Equal("tls://10.3.0.11:4222", ap.Flat[0]);
        Assert.Equal("tls://10.1.0.11:4222", ap.Flat[3]);
        Assert.Equal(["us-east", "eu-west", "ap-south"], generated.For("us-east").Groups.Select(g => g.Region));
    }

    [Fact]
    public void A_regions_url_list_reaches_the_binary_through_its_interface_in_order()
    {
        var urls = NatsSuperCluster.Generate(ThreeRegions()).For("us-east");
        var launch = new BinaryLaunch
        {
            Services = ["gateway"], NodeId = "us-east-a", NodeName = "us-east-a", Peers = [], Routes = "[]",
            Environment = Infra.Platform.Configuration.DeploymentEnvironment.Dev, LogLevel = Infra.Platform.Configuration.LogLevel.Info,
            Raft = new BinaryRaft(":7071", "/etc/platform/raft-peers.json", "/var/lib/platform"),
            Messaging = urls.ForBinary("platform", "/etc/platform/nats-ca.pem"),
        }.Render();
        var invocation = BinaryInvocation.Parse(launch.Flags, [.. launch.Environment, KeyValuePair.Create(PlatformBinary.NatsPassword.Variable, "${natsPassword.result}")]);
        Assert.Empty(invocation.Problems);
        var parsed = BinaryMessaging.ParseUrls(invocation.Value(PlatformBinary.NatsUrls)!, out _)!;
        Assert.Equal(["us-east", "eu-west", "ap-south"], parsed.Select(r => r.Name));
        Assert.Equal(urls.Flat, parsed.SelectMany(r => r.Urls));
    }

    [Fact]
    public void A_server_routes_to_its_region_and_has_a_gateway_to_every_other_region()
    {
        var text = NatsSuperCluster.Generate(ThreeRegions()).Server("eu-west-2").Text;
        Assert.Contains("server_name: \"eu-west-2\"", text);
        Assert.Contains("server_tags: [\"region:eu-west\"]", text);
        Assert.Contains("\"nats-route://10.1.0.11:6222\"", text);
        Assert.Contains("\"nats-route://10.1.0.13:6222\"", text);
        Assert.DoesNotContain("nats-route://10.1.0.12:6222", text); // not to itself
        Assert.Contains("{ name: \"ap-south\", urls: [\"nats://10.3.0.11:7222\", \"nats://10.3.0.12:7222\", \"nats://10.3.0.13:7222\"] }", text);
        Assert.Contains("{ name: \"us-east\", urls: [", text);
        Assert.DoesNotContain("{ name: \"eu-west\", urls", text);
        Assert.Contains("http: \"10.1.0.12:8222\"", text);
        Assert.Contains("lame_duck_duration: \"30s\"", text);
        Assert.Contains("lame_duck_grace_period: \"10s\"", text);
        Assert.Contains("system_account: SYS", text);
        Assert.Contains("password: $NATS_APP_PASSWORD", text);
        Assert.Equal(3, text.Split("cert_file: \"/etc/nats/tls/server.pem\"").Length - 1); // clients, routes, gateways
        Assert.Equal(2, text.Split("verify: true").Length - 1); // routes and gateways verify their peer
    }

    [Fact]
    public void Output_depends_on_what_the_regions_are_not_on_their_order()
    {
        var a = NatsSuperCluster.Generate(ThreeRegions());
        var spec = ThreeRegions();
        var shuffled = spec with { Regions = spec.Regions.Reverse().Select(r => r with { Servers = r.Servers.Reverse().ToList() }).ToList() };
        var b = NatsSuperCluster.Generate(shuffled);
        Assert.Equal(a.Servers.Select(s => s.Text), b.Servers.Select(s => s.Text));
        Assert.Equal(a.ClientUrls.Select(u => u.ToString()), b.ClientUrls.Select(u => u.ToString()));
    }

    [Fact]
    public void Fewer_than_three_servers_in_a_region_is_an_error_naming_the_region_and_the_fix()
    {
        var spec = ThreeRegions();
        var problem = Single(spec with { Regions = [Region("eu-west", ["us-east", "ap-south"], servers: 2), spec.Regions[1], spec.Regions[2]] });
        Assert.Equal("regions[eu-west].servers", problem.Where);
        Assert.Contains("2 servers (eu-west-1, eu-west-2)", problem.What);
        Assert.Contains("at least 3", problem.What);
        Assert.Contains("add servers to region 'eu-west'", problem.Fix);
        Assert.Equal((NatsRule.TooFewServers, "eu-west"), (problem.Rule, problem.Region));  // a tier maps it onto its own key
    }

    [Fact]
    public void Servers_behind_a_load_balancer_with_different_ports_are_another_rule_at_the_same_place()
    {
        var spec = ThreeRegions();
        var access = new NatsRegionAccess("seed.eu-west.internal", "eu-west.nats.example.net", "nats.eu-west.internal");
        var servers = spec.Regions[0].Servers.Select((s, i) => i == 0 ? s with { Ports = NatsPorts.Standard with { Client = 4333 } } : s).ToList();
        var problem = Single(spec with { Regions = [spec.Regions[0] with { Servers = servers, Access = access }, spec.Regions[1], spec.Regions[2]] });
        Assert.Equal("regions[eu-west].servers", problem.Where);
        Assert.Equal(NatsRule.Other, problem.Rule);
    }

    [Fact]
    public void A_duplicate_region_is_an_error()
    {
        var spec = ThreeRegions();
        var ex = Assert.Throws<NatsConfigException>(() => NatsSuperCluster.Generate(spec with { Regions = [.. spec.Regions, Region("EU-west", [], firstOctet: 10)] }));
        var duplicate = Assert.Single(ex.Problems, p => p.What.Contains("given twice"));
        Assert.Equal("regions[EU-west]", duplicate.Where);
        Assert.Contains("give each region once", duplicate.Fix);
        Assert.StartsWith("The NATS super-cluster cannot be configured", ex.Message);
    }

    [Fact]
    public void The_distance_order_must_hold_every_other_region_once()
    {
        var spec = ThreeRegions();
        var problem = Single(spec with { Regions = [spec.Regions[0] with { NearestRegions = ["us-east"] }, spec.Regions[1], spec.Regions[2]] });
        Assert.Equal("regions[eu-west].nearestRegions", problem.Where);
        Assert.Contains("does not place ap-south", problem.What);

        var unknown = Assert.Throws<NatsConfigException>(() => NatsSuperCluster.Generate(spec with { Regions = [spec.Regions[0] with { NearestRegions = ["us-east", "ap-south", "mars"] }, spec.Regions[1], spec.Regions[2]] }));
        Assert.Contains(unknown.Problems, p => p.What.Contains("'mars' is not a region"));
    }

    [Fact]
    public void Server_names_are_unique_across_regions_and_ports_do_not_collide()
    {
        var spec = ThreeRegions();
        var clash = spec.Regions[1] with { Servers = [.. spec.Regions[1].Servers.Take(2), new NatsServerSpec("eu-west-1", "10.2.0.99")] };
        var problem = Single(spec with { Regions = [spec.Regions[0], clash, spec.Regions[2]] });
        Assert.Equal("regions[us-east].servers[eu-west-1]", problem.Where);
        Assert.Contains("used in region 'eu-west' too", problem.What);

        var sameHost = spec.Regions[0] with { Servers = spec.Regions[0].Servers.Select(s => s with { Address = "10.1.0.5" }).ToList() };
        var ex = Assert.Throws<NatsConfigException>(() => NatsSuperCluster.Generate(spec with { Regions = [sameHost, spec.Regions[1], spec.Regions[2]] }));
        Assert.Contains(ex.Problems, p => p.Where == "regions[eu-west].servers[eu-west-2].ports.client" && p.What.Contains("already the client port of eu-west-1"));
        Assert.Contains(ex.Problems, p => p.Where == "regions[eu-west].servers[eu-west-2].storeDirectory");
    }

    [Fact]
    public void Lame_duck_grace_must_be_shorter_than_the_duration_and_paths_absolute()
    {
        var problem = Single(ThreeRegions() with { LameDuck = new NatsLameDuck(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)) });
        Assert.Equal("lameDuck.gracePeriod", problem.Where);
        var shortDuck = Single(ThreeRegions() with { LameDuck = new NatsLameDuck(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)) });
        Assert.Equal("lameDuck.duration", shortDuck.Where);
        Assert.Contains("at least 30", shortDuck.What);
        var path = Single(ThreeRegions() with { Tls = Tls with { CaFile = "ca.pem" } });
        Assert.Equal("tls.caFile", path.Where);
    }
}
