using Infra.Platform.Network;
using Infra.Tests.SchemaConformance;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

public class Dc9TierTests
{
    private static readonly Lazy<string> Example = new(() => Dc9Synth.Yaml());

    private static YamlMappingNode Program => Dc9Synth.Parse(Example.Value);

    private static IEnumerable<(string Name, YamlMappingNode Resource)> Resources(YamlMappingNode program, string type) =>
        ((YamlMappingNode)program["resources"]).Children
            .Where(r => ((YamlScalarNode)r.Value["type"]).Value == type)
            .Select(r => (((YamlScalarNode)r.Key).Value!, (YamlMappingNode)r.Value));

    private static string Text(YamlNode node, params string[] path) =>
        ((YamlScalarNode)path.Aggregate(node, (n, key) => n is YamlSequenceNode list ? list[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : n[key])).Value!;

    [Fact]
    public void The_dc9_program_matches_its_reviewed_snapshot() => Snapshot.Match("dc9.yaml", Example.Value);

    [Fact]
    public void Synthesis_is_deterministic() => Assert.Equal(Example.Value, Dc9Synth.Yaml());

    [Theory]
    [InlineData("dnsProvider", "route53")]
    [InlineData("dnsProvider", "cloudflare")]
    [InlineData("dnsProvider", "none")]
    [InlineData("natStrategy", "onePerAz")]
    [InlineData("natStrategy", "none")]
    [InlineData("isolatedSubnets", "\"true\"")]
    [InlineData("restoreFromSnapshots", "\"true\"")]
    [InlineData("environment", "production")]
    public void Every_variant_conforms_to_the_provider_schemas(string key, string value)
    {
        var yaml = Dc9Synth.ExampleConfig;
        if (key == "dnsProvider")
        {
            yaml = Dc9Synth.With("route53ZoneId", null);
            yaml = yaml.Replace("infra:dnsProvider: route53", $"infra:dnsProvider: {value}");
            if (value == "cloudflare") yaml = yaml.Replace("  infra:region:", "  infra:cloudflareZoneId: 0123456789abcdef0123456789abcdef\n  infra:region:");
        }
        else if (key == "natStrategy" && value == "none")
        {
            yaml = yaml.Replace("infra:natStrategy: single", "infra:natStrategy: none")
                .Replace("https://releases.example.com/platform/", "https://example-bucket.s3.eu-west-1.amazonaws.com/platform/")
                .Replace("https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/", "https://example-bucket.s3.eu-west-1.amazonaws.com/otelcol/");
        }
        else if (key == "environment") yaml = Dc9Synth.Production(yaml);
        else yaml = Dc9Synth.With(key, value);
        Conformance.AssertConforms(Dc9Synth.Yaml(yaml));
    }

    [Fact]
    public void Nine_servers_three_per_az_each_service_in_every_az_at_static_addresses()
    {
        var program = Program;
        var instances = Resources(program, "aws:ec2/instance:Instance").Where(r => r.Name.StartsWith("fleet-", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, instances.Count);
        var subnetOf = instances.ToDictionary(i => i.Name, i => Text(i.Resource, "properties", "subnetId"));
        Assert.All(subnetOf.Values.GroupBy(s => s), g => Assert.Equal(3, g.Count()));
        foreach (var service in new[] { "gateway", "accounts", "events" })
            Assert.Equal(3, subnetOf.Where(s => s.Key.StartsWith($"fleet-{service}-", StringComparison.Ordinal)).Select(s => s.Value).Distinct().Count());
        var privateSubnets = Resources(program, "aws:ec2/subnet:Subnet").Where(s => s.Name.Contains("private"))
            .ToDictionary(s => $"${{{s.Name}.id}}", s => Ipv4Cidr.Parse(Text(s.Resource, "properties", "cidrBlock")));
        foreach (var (name, instance) in instances)
        {
            var ip = Ipv4Address.Parse(Text(instance, "properties", "privateIp"));
            var subnet = privateSubnets[Text(instance, "properties", "subnetId")];
            Assert.True(subnet.Contains(ip), $"{name}: {ip} outside {subnet}");
            Assert.False(AwsSubnetAddresses.IsReserved(subnet, ip));
            var reservation = Resources(program, "aws:ec2/subnetCidrReservation:SubnetCidrReservation")
                .Single(r => Text(r.Resource, "properties", "subnetId") == Text(instance, "properties", "subnetId"));
            Assert.True(Ipv4Cidr.Parse(Text(reservation.Resource, "properties", "cidrBlock")).Contains(ip));
            Assert.Equal("explicit", Text(reservation.Resource, "properties", "reservationType"));
        }
    }

    /// <summary>The fleet's cloud-config as a server receives it: Pulumi decodes fn::toBase64's argument after turning $$ back into $.</summary>
    private static string FleetUserData(YamlMappingNode program)
    {
        var template = Resources(program, "aws:ec2/launchTemplate:LaunchTemplate").Single(t => t.Name == "fleet-template").Resource;
        return Text(template, "properties", "userData", "fn::toBase64").Replace("$$", "$");
    }

    [Fact]
    public void The_launch_template_carries_the_one_peer_table_and_instances_carry_no_user_data()
    {
        var program = Program;
        var peers = ((YamlSequenceNode)program["outputs"]["raftPeers"]).Select(p => ((YamlScalarNode)p).Value!).ToList();
        Assert.Equal(9, peers.Count);
        var userData = FleetUserData(program);
        var rows = Infra.Policies.Inspection.PeerTables.Find(userData);
        Assert.NotNull(rows);
        // Every server's row: node id, name, static address (the RAFT peer's) and its one Service (the name's prefix).
        Assert.Equal(peers.Order(StringComparer.Ordinal), rows.Select(r => $"{r.NodeId}={r.Address}:7071"));
        Assert.All(rows, r => Assert.Equal([r.Name[..r.Name.LastIndexOf('-')]], r.Services));
        Assert.All(rows, r => Assert.Equal(r.NodeId, r.Name));
        Assert.Contains("--services=${PLATFORM_SERVICES} --node-id=${PLATFORM_NODE_ID} ", userData);

        foreach (var (name, instance) in Resources(program, "aws:ec2/instance:Instance").Where(r => r.Name.StartsWith("fleet-", StringComparison.Ordinal)))
        {
            var properties = (YamlMappingNode)instance["properties"];
            Assert.False(properties.Children.ContainsKey(new YamlScalarNode("userData")), $"{name} has its own user-data");
            Assert.False(properties.Children.ContainsKey(new YamlScalarNode("userDataBase64")), $"{name} has its own user-data");
            var node = name["fleet-".Length..];
            var row = rows.Single(r => r.NodeId == node);
            Assert.Equal(row.Address, Text(properties, "privateIp"));
            Assert.Equal(string.Join(',', row.Services), Text(properties, "tags", "services"));
            Assert.Equal("${fleet-template.id}", Text(properties, "launchTemplate", "id"));
            Assert.Equal("launchTemplate", Text(instance, "options", "ignoreChanges", "0"));
        }
    }

    [Fact]
    public void The_user_data_in_the_program_passes_cloud_init_schema()
    {
        using var dir = new TempDir();
        var result = RealTool.Run("cloud-init", "schema", "--config-file", dir.Write("user-data", FleetUserData(Program)));
        Assert.True(result.ExitCode == 0, result.Both);
    }

    [Fact]
    public void Security_groups_allow_exactly_the_intended_paths()
    {
        var program = Program;
        var groups = SecurityGroupReader.Read(program);
        var vpc = Ipv4Cidr.Parse("10.0.0.0/16");
        var publicNet = Ipv4Cidr.Parse("10.0.0.0/18");
        var privateNet = Ipv4Cidr.Parse("10.0.64.0/18");
        var endpoints = new[]
        {
            NetworkEndpoint.Internet(vpc),
            new NetworkEndpoint("alb", ["sg-alb"], [publicNet]),
            new NetworkEndpoint("bastion", ["sg-bastion"], [publicNet]),
            new NetworkEndpoint("server", ["sg-servers"], [privateNet]),
        };
        var paths = ReachabilityAnalyzer.Analyze(groups, endpoints).Select(p => p.ToString()).ToList();
        Assert.Equal(
            [
                "internet -> alb tcp/80", "internet -> alb tcp/443", "internet -> bastion tcp/22",
                "alb -> server tcp/8080",
                // HTTPS out to anywhere also reaches the ALB's public listener (hairpin): intended, and visible here.
                "bastion -> internet tcp/443", "bastion -> alb tcp/443", "bastion -> server tcp/22",
                "server -> internet tcp/443", "server -> internet tcp/4317", "server -> alb tcp/443", "server -> server tcp/7070-7071",
            ],
            paths);
        // Only the configured office may SSH in: the rule names exactly that CIDR.
        var sshIn = groups.Single(g => g.Id == "sg-bastion").Ingress.Single();
        Assert.Equal([Ipv4Cidr.Parse("203.0.113.0/24")], sshIn.Cidrs!);
    }

    [Fact]
    public void No_ssh_cidrs_means_no_ssh_ingress_at_all()
    {
        var program = Dc9Synth.Parse(Dc9Synth.Yaml(Dc9Synth.With("sshCidrs", "[]")));
        Assert.Empty(SecurityGroupReader.Read(program).Single(g => g.Id == "sg-bastion").Ingress);
    }

    [Fact]
    public void Edge_is_hardened_as_the_issue_asks()
    {
        var program = Program;
        var lb = Resources(program, "aws:lb/loadBalancer:LoadBalancer").Single().Resource["properties"];
        Assert.Equal("true", Text(lb, "dropInvalidHeaderFields"));
        Assert.Equal("false", Text(lb, "internal"));
        Assert.Equal("true", Text(lb, "accessLogs", "enabled"));
        var https = Resources(program, "aws:lb/listener:Listener").Single(l => l.Name == "alb-https").Resource["properties"];
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", Text(https, "sslPolicy"));
        Assert.Equal("${alb-cert-validation.certificateArn}", Text(https, "certificateArn"));
        var http = Resources(program, "aws:lb/listener:Listener").Single(l => l.Name == "alb-http").Resource["properties"];
        Assert.Equal("HTTPS", Text(http, "defaultActions", "0", "redirect", "protocol").ToUpperInvariant());
        var block = Resources(program, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").Single().Resource["properties"];
        foreach (var flag in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
            Assert.Equal("true", Text(block, flag));
        Assert.Equal("AES256", Text(Resources(program, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").Single().Resource,
            "properties", "rules", "0", "applyServerSideEncryptionByDefault", "sseAlgorithm"));
        var bastion = Resources(program, "aws:ec2/instance:Instance").Single(i => i.Name == "bastion-instance").Resource["properties"];
        Assert.Equal("required", Text(bastion, "metadataOptions", "httpTokens"));
        Assert.Equal("1", Text(bastion, "metadataOptions", "httpPutResponseHopLimit"));
        Assert.Equal("true", Text(bastion, "rootBlockDevice", "encrypted"));
        var template = Resources(program, "aws:ec2/launchTemplate:LaunchTemplate").Single().Resource["properties"];
        Assert.Equal("required", Text(template, "metadataOptions", "httpTokens"));
        Assert.Equal("true", Text(template, "blockDeviceMappings", "0", "ebs", "encrypted"));
        Assert.All(Resources(program, "aws:ebs/volume:Volume"), v => Assert.Equal("true", Text(v.Resource, "properties", "encrypted")));
        // The default security group is adopted with no rules, which empties it.
        var defaultSg = Resources(program, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").Single().Resource["properties"];
        Assert.False(((YamlMappingNode)defaultSg).Children.ContainsKey(new YamlScalarNode("ingress")));
    }

    [Fact]
    public void Listener_rules_follow_the_shared_route_table()
    {
        string Describe(string name, YamlNode p) =>
            $"{name}: {Text(p, "priority")} {Text(p, "conditions", "0", "hostHeader", "values", "0")}" +
            $"{(((YamlSequenceNode)p["conditions"]).Children.Count > 1 ? " " + Text(p, "conditions", "1", "pathPattern", "values", "0") : "")}" +
            $" -> {Text(p, "actions", "0", "targetGroupArn")}";
        var rules = Resources(Program, "aws:lb/listenerRule:ListenerRule")
            .OrderBy(r => int.Parse(Text(r.Resource, "properties", "priority"), System.Globalization.CultureInfo.InvariantCulture))
            .Select(r => Describe(r.Name, r.Resource["properties"]))
            .ToList();
        // Evaluated lowest priority first: the longer prefixes of host api before its catch-all. Names and numbers
        // come from each route's host and path (ListenerRulePlanner), so other routes never move them.
        Assert.Equal(
            [
                "alb-rule-api-accounts: 40200 api.dev.example.com /accounts/* -> ${alb-tg-accounts.arn}",
                "alb-rule-api-events: 40943 api.dev.example.com /events/* -> ${alb-tg-events.arn}",
                "alb-rule-api: 46532 api.dev.example.com -> ${alb-tg-gateway.arn}",
            ],
            rules);
    }

    [Fact]
    public void Dev_teardown_keeps_data_and_other_stacks_retain_volumes()
    {
        var dev = Resources(Program, "aws:ebs/volume:Volume").ToList();
        Assert.Equal(9, dev.Count);
        Assert.All(dev, v => Assert.Equal("true", Text(v.Resource, "properties", "finalSnapshot")));
        var production = Dc9Synth.Parse(Dc9Synth.Yaml(Dc9Synth.Production()));
        Assert.All(Resources(production, "aws:ebs/volume:Volume"), v => Assert.Equal("true", Text(v.Resource, "options", "retainOnDelete")));
        Assert.Equal("true", Text(Resources(production, "aws:lb/loadBalancer:LoadBalancer").Single().Resource, "properties", "enableDeletionProtection"));
        var restore = Dc9Synth.Parse(Dc9Synth.Yaml(Dc9Synth.With("restoreFromSnapshots", "\"true\"")));
        var volume = Resources(restore, "aws:ebs/volume:Volume").First().Resource;
        Assert.Equal("aws:ebs/getSnapshot:getSnapshot", Text(volume, "properties", "snapshotId", "fn::invoke", "function"));
        Assert.Equal("snapshotId", Text(volume, "options", "ignoreChanges", "0"));
    }

    [Fact]
    public void Nat_strategy_decides_the_number_of_nat_gateways()
    {
        int Nats(string strategy) => Resources(Dc9Synth.Parse(Dc9Synth.Yaml(Dc9Synth.ExampleConfig.Replace("infra:natStrategy: single", $"infra:natStrategy: {strategy}"))),
            "aws:ec2/natGateway:NatGateway").Count();
        Assert.Equal(1, Nats("single"));
        Assert.Equal(3, Nats("onePerAz"));
    }

    [Fact]
    public void Outputs_name_the_edge_the_servers_and_the_peers()
    {
        var outputs = (YamlMappingNode)Program["outputs"];
        Assert.Equal("${alb-lb.dnsName}", Text(outputs, "albDnsName"));
        Assert.Equal("${bastion-eip.publicIp}", Text(outputs, "bastionAddress"));
        Assert.Equal(["accounts", "events", "gateway"], ((YamlMappingNode)outputs["serverIps"]).Children.Keys.Select(k => k.ToString()));
    }
}
