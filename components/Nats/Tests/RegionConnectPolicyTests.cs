using Infra.Nats.Client;
using NATS.Client.Core;

namespace Infra.Nats.Tests;

/// <summary>The client's server list: regions in distance order, servers shuffled only within a region, NATS's own shuffle off.</summary>
public sealed class RegionConnectPolicyTests
{
    private static readonly NatsClientUrls Urls = new("eu-west",
    [
        new NatsRegionUrls("eu-west", ["tls://10.1.0.11:4222", "tls://10.1.0.12:4222", "tls://10.1.0.13:4222"]),
        new NatsRegionUrls("us-east", ["tls://10.2.0.11:4222", "tls://10.2.0.12:4222", "tls://10.2.0.13:4222"]),
        new NatsRegionUrls("ap-south", ["tls://10.3.0.11:4222", "tls://10.3.0.12:4222", "tls://10.3.0.13:4222"]),
    ]);

    [Fact]
    public void Regions_keep_their_order_and_a_regions_clients_spread_over_its_servers()
    {
        var firsts = new HashSet<string>();
        for (var seed = 0; seed < 60; seed++)
        {
            var list = RegionConnectPolicy.ServerList(Urls, new Random(seed));
            Assert.Equal(9, list.Count);
            for (var g = 0; g < 3; g++)
                Assert.Equal(Urls.Groups[g].Urls.Order(), list.Skip(3 * g).Take(3).Order());
            firsts.Add(list[0]);
        }
        Assert.Equal(Urls.Groups[0].Urls.Order(), firsts.Order()); // every home server is some client's first
    }

    [Fact]
    public void The_options_turn_nats_own_shuffle_off_and_reconnect_quickly()
    {
        var options = RegionConnectPolicy.Apply(new NatsOpts { Name = "x" }, Urls, new Random(1));
        Assert.True(options.NoRandomize);
        Assert.Equal(9, options.Url.Split(',').Length);
        Assert.StartsWith("tls://10.1.0.1", options.Url);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.ReconnectWaitMin);
        Assert.Equal(-1, options.MaxReconnectRetry);
        Assert.Equal("x", options.Name);
    }
}
