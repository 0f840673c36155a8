using System.Text.Json.Nodes;
using Infra.Nats;
using Infra.Nats.Tests.Loopback;
using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Stacks.Global;
using Infra.Tests.Dc9;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Global;

/// <summary>
/// The NATS super-cluster in the global program, read back from the program: the jobs (their configuration accepted by
/// the real nats-server), the secrets, the ports that are open and to whom, the names, and what the platform is told.
/// </summary>
public class GlobalNatsTests
{
    private const string InternalLb = "internal-lb.example.internal";
    private static readonly string[] Regions = ["dallas", "frankfurt", "london"];
    private static readonly Lazy<string> Program = new(() => Synth.Yaml("global"));

    private static YamlMappingNode Root => ProgramYaml.Parse(Program.Value);
    private static YamlMappingNode Resources => (YamlMappingNode)Root["resources"];
    private static YamlMappingNode Resource(string name) => (YamlMappingNode)Resources[name];

    private static IEnumerable<(string Name, YamlMappingNode Resource)> OfType(string type) =>
        Resources.Children.Where(r => ((YamlMappingNode)r.Value)["type"].ToString() == type).Select(r => (r.Key.ToString(), (YamlMappingNode)r.Value));

    /// <summary>What Pulumi makes of an interpolated string, every reference resolved to <paramref name="value"/> ($$ back to $).</summary>
    private static string Resolve(string text, string value) => string.Concat(PulumiInterpolation.Parse(text).Select(p => p.Text ?? value));

    private static JsonNode Job(string region) => JsonNode.Parse(Resolve(Resource($"{region}-nats-job").At("properties", "jobspec").Text(), InternalLb))!["Job"]!;

    [Fact]
    public void Every_region_runs_its_NATS_servers_as_one_job_on_distinct_worker_hosts_with_lame_duck_stops()
    {
        Assert.Equal(Regions.Select(r => $"{r}-nats-job"), OfType("nomad:index/job:Job").Select(j => j.Name).Where(n => n.Contains("-nats-", StringComparison.Ordinal)).Order());
        foreach (var region in Regions)
        {
            var job = Job(region);
            Assert.Equal("${node.class}", (string)job["Constraints"]![1]!["LTarget"]!);
            Assert.Equal("worker", (string)job["Constraints"]![1]!["RTarget"]!);
            Assert.Equal("distinct_hosts", (string)job["Constraints"]![0]!["Operand"]!);
            var group = job["TaskGroups"]![0]!;
            Assert.Equal(3, (int)group["Count"]!);
            Assert.Equal(1, (int)job["Update"]!["MaxParallel"]!);
            Assert.True((bool)group["EphemeralDisk"]!["Sticky"]!);
            var task = group["Tasks"]![0]!;
            Assert.Equal(NatsVersion.Image, (string)task["Config"]!["image"]!);
            Assert.Equal("host", (string)task["Config"]!["network_mode"]!);
            Assert.Equal("SIGUSR2", (string)task["KillSignal"]!);
            // Past the lame-duck duration, and within what the worker class's Nomad client allows.
            Assert.True((long)task["KillTimeout"]! > NomadNs(NatsLameDuck.Production.Duration));
            Assert.True((long)task["KillTimeout"]! <= NomadNs(TimeSpan.FromSeconds(60)));
            var ports = group["Networks"]![0]!["ReservedPorts"]!.AsArray().ToDictionary(p => (string)p!["Label"]!, p => (int)p!["Value"]!);
            Assert.Equal(new Dictionary<string, int> { ["client"] = 4222, ["cluster"] = 6222, ["gateway"] = 7222, ["monitor"] = 8222 }, ports);
        }
    }

    private static long NomadNs(TimeSpan span) => span.Ticks * 100;

    [Fact]
    public void The_configuration_in_every_job_is_accepted_by_nats_server()
    {
        using var dir = new TempDir();
        var tls = ThrowawayPki.Write(Path.Combine(dir.Path, "tls"));
        var checkedFiles = 0;
        foreach (var region in Regions)
        {
            var task = Job(region)["TaskGroups"]![0]!["Tasks"]![0]!;
            var template = (string)task["Templates"]!.AsArray().Single(t => (string)t!["DestPath"]! == NatsNomadJob.ConfigFile)!["EmbeddedTmpl"]!;
            Assert.Equal("\"${NOMAD_ADDR_cluster}\"", (string)task["Env"]!["NATS_ROUTE_ADVERTISE"]!);
            for (var index = 0; index < 3; index++)
            {
                var text = NatsNomadJob.RenderConfig(template, index);
                Assert.Contains($"server_name: \"{region}-nats-{index}\"", text);
                Assert.Contains($"\"nats-route://{InternalLb}:6222\"", text);
                foreach (var other in Regions.Where(r => r != region))
                    Assert.Contains($"{{ name: \"{other}\", urls: [\"nats://{other}.nats.global.example.com:7222\"] }}", text);
                // The task's paths become this test's files; nothing else changes.
                var local = text.Replace(NatsNomadJob.Tls.CertFile, tls.CertFile).Replace(NatsNomadJob.Tls.KeyFile, tls.KeyFile)
                    .Replace(NatsNomadJob.Tls.CaFile, tls.CaFile).Replace(NatsNomadJob.StoreDirectory, Path.Combine(dir.Path, "store", $"{region}-{index}"));
                var file = dir.Write($"{region}-{index}.conf", local);
                var result = NatsServerBinary.Check(file, new Dictionary<string, string>
                {
                    ["NATS_APP_PASSWORD"] = NatsSuperCluster.PasswordVariableValue("0app"),
                    ["NATS_SYS_PASSWORD"] = NatsSuperCluster.PasswordVariableValue("1sys"),
                    ["NATS_ROUTE_ADVERTISE"] = "\"10.20.1.5:6222\"",
                });
                Assert.True(result.ExitCode == 0, $"nats-server -t refused {region} server {index}:\n{result.Output}\n{local}");
                checkedFiles++;
            }
        }
        Assert.Equal(9, checkedFiles);
    }

    [Fact]
    public void Secrets_reach_the_servers_through_the_jobs_variable_and_never_the_job()
    {
        foreach (var region in Regions)
        {
            var items = Resource($"{region}-nats-variable").At("properties", "items");
            foreach (var secret in new[] { NatsNomadJob.KeyItem, NatsNomadJob.AppPasswordItem, NatsNomadJob.SystemPasswordItem })
                Assert.True(items.At(secret).Has("fn::secret"), $"{region}: {secret} is not wrapped in fn::secret");
            Assert.Equal("${nats-app-password.result}", items.At(NatsNomadJob.AppPasswordItem, "fn::secret").Text());
            Assert.Equal("nomad/jobs/nats", Resource($"{region}-nats-variable").At("properties", "path").Text());
            var jobspec = Resource($"{region}-nats-job").At("properties", "jobspec").Text();
            Assert.DoesNotContain("BEGIN", jobspec);
            Assert.DoesNotContain("password\":", jobspec);
        }
        Assert.Equal("false", Resource("nats-app-password").At("properties", "special").Text());
    }

    [Fact]
    public void Only_the_client_and_gateway_ports_face_the_internet_and_routes_and_monitoring_stay_inside()
    {
        var world = OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => r.Resource.At("properties").Has("cidrIpv4") && r.Resource.At("properties", "cidrIpv4").Text() == "0.0.0.0/0")
            .Select(r => (r.Name, Port: r.Resource.At("properties", "fromPort").Text())).ToList();
        Assert.Equal(Regions.SelectMany(r => new[] { $"{r}-firewall-lb-in-ingress-world", $"{r}-firewall-lb-in-nats-world", $"{r}-firewall-lb-in-natsgw-world" }).Order(),
            world.Select(w => w.Name).Order());
        Assert.DoesNotContain(world, w => w.Port is "6222" or "8222");
        foreach (var region in Regions)
        {
            // The region's own clients and the route seed come through the internal load balancer, from the VPC only.
            foreach (var (listener, port) in new[] { ("nats", "4222"), ("natsrt", "6222") })
            {
                var rule = Resource($"{region}-firewall-ilb-in-{listener}-vpc");
                Assert.Equal(port, rule.At("properties", "fromPort").Text());
                Assert.StartsWith("10.", rule.At("properties", "cidrIpv4").Text());
                Assert.Equal("false", Resource($"{region}-ilb-{listener}").At("properties", "preserveClientIp").Text());
            }
            Assert.Equal("7222", Resource($"{region}-firewall-nodes-out-nats-gateways").At("properties", "fromPort").Text());
            Assert.Equal("4222", Resource($"{region}-lb-nats-listener").At("properties", "port").Text());
            Assert.Equal("7222", Resource($"{region}-lb-natsgw-listener").At("properties", "port").Text());
        }
    }

    [Fact]
    public void The_first_connection_name_is_geo_steered_and_each_region_has_its_public_name()
    {
        var lb = Resource("nats-dns-lb");
        Assert.Equal("nats.global.example.com", lb.At("properties", "name").Text());
        Assert.Equal("geo", lb.At("properties", "steeringPolicy").Text());
        Assert.Equal("false", lb.At("properties", "proxied").Text());
        Assert.Equal("tcp", Resource("nats-dns-monitor").At("properties", "type").Text());
        Assert.Equal("4222", Resource("nats-dns-monitor").At("properties", "port").Text());
        foreach (var region in Regions)
        {
            Assert.Equal($"{region}.nats.global.example.com", Resource($"nats-dns-{region}").At("properties", "name").Text());
            Assert.Equal($"${{{region}-lb-nlb.dnsName}}", Resource($"nats-dns-{region}").At("properties", "content").Text());
            var origins = (YamlSequenceNode)Resource($"nats-dns-pool-{region}").At("properties", "origins");
            Assert.All(origins, o => Assert.Equal("4222", o.At("port").Text()));
        }
        Assert.Equal("nats.global.example.com", Root.At("outputs", "natsHost").Text());
    }

    [Fact]
    public void Each_regions_client_urls_start_with_its_own_region_then_the_nearest()
    {
        var london = ((YamlSequenceNode)Root.At("outputs", "londonNatsUrls")).Select(n => n.ToString()).ToList();
        Assert.Equal(["tls://${london-ilb-nlb.dnsName}:4222", "tls://frankfurt.nats.global.example.com:4222", "tls://dallas.nats.global.example.com:4222"], london);
        var dallas = ((YamlSequenceNode)Root.At("outputs", "dallasNatsUrls")).Select(n => n.ToString()).ToList();
        Assert.Equal("tls://${dallas-ilb-nlb.dnsName}:4222", dallas[0]);
        Assert.Equal(3, dallas.Count);
    }

    [Fact]
    public void The_platform_gets_every_PLATFORM_NATS_setting_through_its_one_interface()
    {
        foreach (var region in Regions)
        {
            var urls = Resolve(Resource($"{region}-k8s-nats-client").At("properties", "data", "urls").Text(), InternalLb);
            var parsed = BinaryMessaging.ParseUrls(urls, out var problem);
            Assert.True(parsed is not null, problem);
            Assert.Equal(region, parsed![0].Name);
            Assert.Equal([$"tls://{InternalLb}:4222"], parsed[0].Urls);
            Assert.True(Resource($"{region}-k8s-nats-password").At("properties", "stringData", "password").Has("fn::secret"));
        }
        foreach (var (name, set) in OfType("kubernetes:apps/v1:StatefulSet"))
        {
            var container = set.At("properties", "spec", "template", "spec", "containers", 0);
            var env = ((YamlSequenceNode)container.At("env")).Cast<YamlMappingNode>().ToDictionary(e => e["name"].ToString(), e => e);
            Assert.Equal("nats-client", env["PLATFORM_NATS_URLS"].At("valueFrom", "configMapKeyRef", "name").Text());
            Assert.Equal("nats-client", env["PLATFORM_NATS_PASSWORD"].At("valueFrom", "secretKeyRef", "name").Text());
            Assert.Equal(KubernetesPlatform.NatsCaFile, env["PLATFORM_NATS_CA_FILE"].At("value").Text());
            Assert.Equal("platform", env["PLATFORM_NATS_USER"].At("value").Text());
            var mounts = ((YamlSequenceNode)container.At("volumeMounts")).Select(m => m.At("mountPath").Text());
            Assert.Contains(KubernetesPlatform.NatsDirectory, mounts);
            // Read back as the binary reads its launch: every setting of the NATS group is there, each in its place.
            var variables = env.Select(e => KeyValuePair.Create(e.Key, e.Value.Has("value") ? e.Value.At("value").Text() : "${from-kubernetes}")).ToList();
            var args = ((YamlSequenceNode)container.At("args")).Select(a => a.ToString()).ToList();
            var invocation = BinaryInvocation.Parse(args, variables);
            Assert.DoesNotContain(invocation.Problems, p => p.Contains("NATS", StringComparison.Ordinal));
            Assert.Contains(PlatformBinary.NatsPassword.Variable, env.Keys);
        }
    }

    /// <summary>
    /// The binder catches what it can (server counts, names, duplicates) before the generator runs; any other rule of
    /// the generator still reaches the user as a config error on <c>infra:regions</c>, with the generator's where and fix.
    /// </summary>
    [Fact]
    public void A_NATS_rule_the_binder_does_not_cover_is_a_config_error_with_the_generator_s_fix()
    {
        var config = new Infra.Platform.Configuration.ConfigReader(Infra.Platform.Configuration.ConfigSource.Empty("test"), "global", Tier.Global, GlobalKeys.All);
        GlobalRegion[] regions = [new("london", RegionKind.Aws, "eu-west-2", Infra.Platform.Network.Ipv4Cidr.Parse("10.20.0.0/16"), 3, 3, 3)];

        NatsPlan.Check(config, regions, regionsGiven: false, domain: "not a domain");

        var error = Assert.Single(config.Errors);
        Assert.Equal(GlobalKeys.Regions.FullName, error.Key);
        Assert.StartsWith("cannot make the NATS super-cluster: regions[london].access.", error.Problem);
        Assert.Contains("'london.nats.not a domain' is not a host name or IPv4 address.", error.Problem);
        Assert.Equal("give the name the load balancer is reached at.", error.Allowed);
    }
}
