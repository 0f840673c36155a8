using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Platform.Configuration;

namespace Infra.Tests.Tiers;

/// <summary>The NATS settings of the binary's interface: rendered only when a tier runs NATS, all or none, the URL list in order.</summary>
public sealed class BinaryMessagingTests
{
    private static readonly BinaryMessaging Messaging = new(
        [new MessagingRegion("eu-west", ["tls://10.1.0.11:4222", "tls://10.1.0.12:4222", "tls://10.1.0.13:4222"]), new MessagingRegion("us-east", ["tls://10.2.0.11:4222"])],
        "platform", "/etc/platform/nats-ca.pem");

    private static BinaryLaunch Launch(BinaryMessaging? messaging) => new()
    {
        Services = ["gateway"],
        NodeId = "eu-west-a",
        NodeName = "eu-west-a",
        Peers = [],
        Environment = DeploymentEnvironment.Dev,
        Routes = "[]",
        LogLevel = LogLevel.Info,
        Raft = new BinaryRaft(":7071", "/etc/platform/raft-peers.json", "/var/lib/platform"),
        Messaging = messaging,
    };

    private static readonly KeyValuePair<string, string> Password = KeyValuePair.Create(PlatformBinary.NatsPassword.Variable, "${natsPassword.result}");

    [Fact]
    public void A_launch_with_NATS_passes_the_ordered_url_list_and_parses_clean()
    {
        var rendered = Launch(Messaging).Render();
        var urls = Assert.Single(rendered.Environment, e => e.Key == "PLATFORM_NATS_URLS").Value;
        Assert.Equal("[{\"region\":\"eu-west\",\"urls\":[\"tls://10.1.0.11:4222\",\"tls://10.1.0.12:4222\",\"tls://10.1.0.13:4222\"]},{\"region\":\"us-east\",\"urls\":[\"tls://10.2.0.11:4222\"]}]", urls);
        Assert.DoesNotContain(rendered.Environment, e => e.Key == PlatformBinary.NatsPassword.Variable); // the construct adds the reference
        var invocation = BinaryInvocation.Parse(rendered.Flags, [.. rendered.Environment, Password]);
        Assert.Empty(invocation.Problems);
        Assert.Equal(["eu-west", "us-east"], BinaryMessaging.ParseUrls(urls, out _)!.Select(r => r.Name));
    }

    [Fact]
    public void A_launch_without_NATS_has_none_of_its_settings()
    {
        var rendered = Launch(null).Render();
        Assert.DoesNotContain(rendered.Environment, e => e.Key.StartsWith("PLATFORM_NATS_", StringComparison.Ordinal));
        Assert.Empty(BinaryInvocation.Parse(rendered.Flags, rendered.Environment).Problems);
    }

    [Fact]
    public void NATS_settings_are_all_or_none_and_the_url_list_is_checked()
    {
        var rendered = Launch(Messaging).Render();
        var missingPassword = BinaryInvocation.Parse(rendered.Flags, rendered.Environment).Problems;
        Assert.Contains(missingPassword, p => p.StartsWith("PLATFORM_NATS_PASSWORD is missing; a server that uses NATS passes all of", StringComparison.Ordinal));

        var badUrls = rendered.Environment.Select(e => e.Key == "PLATFORM_NATS_URLS" ? KeyValuePair.Create(e.Key, "[{\"region\":\"eu-west\",\"urls\":[\"nats://10.1.0.11:4222\"]}]") : e);
        Assert.Contains(BinaryInvocation.Parse(rendered.Flags, [.. badUrls, Password]).Problems, p => p.StartsWith("PLATFORM_NATS_URLS has an entry that is not", StringComparison.Ordinal));

        Assert.Throws<ArgumentException>(() => Launch(Messaging with { Regions = [new MessagingRegion("eu-west", [])] }).Render());
    }
}
