using System.Text.Json;
using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Platform.Provisioning;
using Infra.Stacks;
using Infra.Tests.Dc9;
using Infra.Tests.OnPrem;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Tiers;

/// <summary>
/// Issue 9 A13: the platform binary has one interface (<see cref="PlatformBinary"/>), and every tier
/// starts it with exactly the flags and variables that interface declares. Each tier's synthesized
/// launch is read back as the binary would receive it and parsed strictly through the definition:
/// laptop and onprem3 from the container's command and env; dc9 from the fleet's user-data, with the
/// identity step run for real against a stub IMDS and the unit's ExecStart expanded as systemd does.
/// The values that are the stack's (Services, environment, routes, log level) must be the stack's in
/// every tier.
/// </summary>
public sealed class BinaryInterfaceTests
{
    public sealed record Launch(string Tier, string Resource, IReadOnlyList<string> Arguments, IReadOnlyList<KeyValuePair<string, string>> Environment);

    [Fact]
    public void Laptop_passes_exactly_the_interface()
    {
        foreach (var telemetry in new[] { "false", "true" })
        {
            var launch = Assert.Single(ContainerLaunches("laptop", Synthesize("laptop", new() { ["infra:telemetry"] = telemetry })));
            var invocation = AssertStrict(launch);
            Assert.Equal("gateway,accounts,events", invocation.Value(PlatformBinary.Services));
            Assert.Equal(telemetry == "true" ? "otlp" : "none", invocation.Value(PlatformBinary.TracesExporter));
            Assert.Equal("db", invocation.Value(PlatformBinary.DbHost));
        }
    }

    [Fact]
    public void Onprem3_passes_exactly_the_interface_on_every_host()
    {
        var program = OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig());
        var launches = ContainerLaunches("onprem3", program);
        Assert.Equal(3, launches.Count);
        foreach (var launch in launches)
        {
            var invocation = AssertStrict(launch);
            Assert.Equal(2, invocation.Value(PlatformBinary.Peers)!.Split(',').Length);
            Assert.Equal("192.0.2.11,192.0.2.12,192.0.2.13", invocation.Value(PlatformBinary.DbHost));
        }
        Assert.Equal(["server-1", "server-2", "server-3"], launches.Select(l => AssertStrict(l).Value(PlatformBinary.NodeId)));
    }

    [Fact]
    public void Dc9_passes_exactly_the_interface_on_every_server_as_systemd_starts_it()
    {
        RealTool.Require("curl");
        var userData = Dc9UserData(Dc9Synth.Yaml());
        var rows = PeerTable.Parse(userData.Files[PeerTable.Path]);
        Assert.Equal(9, rows.Count);
        foreach (var row in rows)
        {
            var launch = Dc9Launch(userData, row.Address);
            var invocation = AssertStrict(launch);
            Assert.Equal(row.NodeId, invocation.Value(PlatformBinary.NodeId));
            Assert.Equal(string.Join(",", row.Services), invocation.Value(PlatformBinary.Services));
            Assert.Equal(":7071", invocation.Value(PlatformBinary.RaftAddr));
            Assert.Equal("otlp", invocation.Value(PlatformBinary.TracesExporter));
            Assert.Equal(8, invocation.Value(PlatformBinary.Peers)!.Split(',').Length);
            Assert.DoesNotContain(row.Address, invocation.Value(PlatformBinary.Peers)!);
        }
    }

    [Fact]
    public void Every_tier_hands_the_binary_the_stacks_environment_routes_and_log_level()
    {
        var settings = new Dictionary<string, string> { ["infra:environment"] = "staging", ["infra:logLevel"] = "debug" };
        var laptop = Synthesize("laptop", settings);
        var onprem3 = OnPrem3Stack.Synthesize(OnPrem3Stack.With(("infra:environment", "staging"), ("infra:logLevel", "debug")));
        var dc9 = Dc9Synth.Yaml(Dc9Synth.With("environment", "staging").Replace("config:\n", "config:\n  infra:logLevel: debug\n"));
        RealTool.Require("curl");
        var dc9UserData = Dc9UserData(dc9);
        var firstServer = PeerTable.Parse(dc9UserData.Files[PeerTable.Path])[0].Address;

        var launches = ContainerLaunches("laptop", laptop).Concat(ContainerLaunches("onprem3", onprem3)).Append(Dc9Launch(dc9UserData, firstServer)).ToList();
        foreach (var (program, launch) in new[] { laptop, onprem3, onprem3, onprem3, dc9 }.Zip(launches))
        {
            var invocation = AssertStrict(launch);
            Assert.Equal("staging", invocation.Value(PlatformBinary.Environment));
            Assert.Equal("debug", invocation.Value(PlatformBinary.LogLevel));
            Assert.Equal(IngressRoutes(program), invocation.Value(PlatformBinary.Routes));
            Assert.StartsWith("deployment.environment=staging,service.instance.id=", invocation.Value(PlatformBinary.TelemetryAttributes));
        }
    }

    [Theory]
    [InlineData(new[] { "--services=a", "--raft-port=7071" }, "unknown flag --raft-port")]
    [InlineData(new[] { "--services=a", "--services=a" }, "flag --services is given twice")]
    [InlineData(new[] { "--services=a", "serve" }, "argument 'serve' is not --flag=value")]
    [InlineData(new[] { "--services=a", "--http-addr" }, "argument '--http-addr' is not --flag=value")]
    [InlineData(new[] { "--services=b" }, "--services=b but PLATFORM_SERVICES=a: one setting, two values")]
    [InlineData(new string[0], "PLATFORM_SERVICES is set without --services")]
    public void The_strict_reading_refuses_what_a_strict_binary_would(string[] arguments, string problem)
    {
        var environment = new Dictionary<string, string>
        {
            ["PLATFORM_SERVICES"] = "a", ["PLATFORM_NODE_ID"] = "n", ["PLATFORM_HTTP_ADDR"] = ":8080", ["PLATFORM_BUS_ADDR"] = ":7070",
        };
        var invocation = BinaryInvocation.Parse(arguments, environment);
        Assert.Contains(invocation.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void The_strict_reading_knows_what_each_store_needs_and_every_binary_variable()
    {
        var launch = new BinaryLaunch
        {
            Services = ["accounts"], NodeId = "server-1", NodeName = "server-1", Peers = [],
            Environment = Platform.Configuration.DeploymentEnvironment.Dev, Routes = "[]", LogLevel = Platform.Configuration.LogLevel.Info,
            Database = new BinaryDatabase("db", 5432, "platform", new Dictionary<string, string> { ["accounts"] = "accounts" }),
        }.Render();
        KeyValuePair<string, string> Password() => KeyValuePair.Create("PLATFORM_DB_PASSWORD", "${secret}");
        Assert.Empty(BinaryInvocation.Parse(launch.Flags, [.. launch.Environment, Password()]).Problems);

        Assert.Contains(BinaryInvocation.Parse(launch.Flags, launch.Environment).Problems, p => p.StartsWith("PLATFORM_DB_PASSWORD is missing", StringComparison.Ordinal));
        Assert.Contains(BinaryInvocation.Parse(launch.Flags, [.. launch.Environment, Password(), KeyValuePair.Create("PLATFORM_APP_PORT", "8080")]).Problems,
            p => p.StartsWith("unknown variable PLATFORM_APP_PORT", StringComparison.Ordinal));
        Assert.Contains(BinaryInvocation.Parse(launch.Flags, [.. launch.Environment.Where(e => e.Key != "PLATFORM_DB_ACCOUNTS_NAME"), Password()]).Problems,
            p => p.Contains("PLATFORM_DB_ACCOUNTS_NAME is missing", StringComparison.Ordinal));
        Assert.Contains(BinaryInvocation.Parse([.. launch.Flags, "--raft-addr=:7071"], [.. launch.Environment, Password(), KeyValuePair.Create("PLATFORM_RAFT_ADDR", ":7071")]).Problems,
            p => p.Contains("a server keeps its data in one store", StringComparison.Ordinal));
        Assert.Contains(BinaryInvocation.Parse(launch.Flags, [.. launch.Environment.Where(e => e.Key != "PLATFORM_ROUTES"), Password()]).Problems,
            p => p.StartsWith("PLATFORM_ROUTES is missing", StringComparison.Ordinal));
    }

    private static BinaryInvocation AssertStrict(Launch launch)
    {
        var invocation = BinaryInvocation.Parse(launch.Arguments, launch.Environment);
        Assert.True(invocation.Problems.Count == 0,
            $"{launch.Tier} {launch.Resource} starts the binary with what its interface does not declare:\n  " + string.Join("\n  ", invocation.Problems) +
            $"\nflags: {string.Join(' ', launch.Arguments)}");
        return invocation;
    }

    private static string Synthesize(string stack, Dictionary<string, string> config) =>
        StackSynthesizer.Synthesize(Synth.Repo, stack, JsonSerializer.Serialize(config)).ToYaml();

    private static string IngressRoutes(string program) => ProgramYaml.Parse(program).At("outputs", "ingressRoutes").Text();

    /// <summary>Every container that runs the binary: its command after the entrypoint, and its env (a secret as its text).</summary>
    private static List<Launch> ContainerLaunches(string tier, string program)
    {
        var launches = new List<Launch>();
        foreach (var (key, node) in ((YamlMappingNode)ProgramYaml.Parse(program).At("resources")).Children)
        {
            if (node.At("type").Text() != "docker:index/container:Container" || !node.At("properties").Has("command")) continue;
            var command = ((YamlSequenceNode)node.At("properties", "command")).Select(Literal).ToList();
            if (!command.Any(a => a.StartsWith("--services", StringComparison.Ordinal))) continue;
            var env = ((YamlSequenceNode)node.At("properties", "envs")).Select(e => e is YamlMappingNode secret ? secret.At("fn::secret").Text() : Literal(e))
                .Select(e => e.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])).ToList();
            launches.Add(new Launch(tier, ((YamlScalarNode)key).Value!, command, env));
        }
        return launches;
    }

    private static string Literal(YamlNode node) => PulumiInterpolation.Literal(node.Text());

    private sealed record UserData(IReadOnlyDictionary<string, string> Files);

    private static UserData Dc9UserData(string program)
    {
        var resources = (YamlMappingNode)ProgramYaml.Parse(program).At("resources");
        var template = resources.Children.Single(r => r.Value.At("type").Text() == "aws:ec2/launchTemplate:LaunchTemplate").Value;
        var cloudConfig = ProgramYaml.Parse(Literal(template.At("properties", "userData", "fn::toBase64")));
        var files = ((YamlSequenceNode)cloudConfig.At("write_files")).ToDictionary(f => f.At("path").Text(), f => f.At("content").Text());
        return new UserData(files);
    }

    /// <summary>
    /// One server's launch as systemd makes it: the identity step run for real (stub IMDS answering the
    /// server's address) writes identity.env; the unit's environment files are read by /bin/sh (their
    /// single-quoted values mean the same to systemd); ExecStart's ${VAR} words are substituted.
    /// </summary>
    private static Launch Dc9Launch(UserData userData, string address)
    {
        using var dir = new TempDir();
        using var imds = new StubImds(address);
        dir.Write("etc/peers", userData.Files[PeerTable.Path]);
        var script = dir.Write("identity", userData.Files[NodeIdentity.ScriptPath], executable: true);
        var etc = Path.Combine(dir.Path, "etc");
        var identity = RealTool.Run("env", $"{NodeIdentity.ImdsUrlVariable}={imds.BaseUrl}", $"{NodeIdentity.ConfigDirectoryVariable}={etc}", "/bin/sh", script);
        Assert.True(identity.ExitCode == 0, identity.Both);

        var unit = userData.Files[PlatformServiceUnit.UnitPath].Split('\n');
        var files = unit.Where(l => l.StartsWith("EnvironmentFile=", StringComparison.Ordinal)).Select(l => l["EnvironmentFile=".Length..]).ToList();
        Assert.Equal([FleetProvisioningSpec.EnvironmentFilePath, NodeIdentity.EnvironmentPath], files);
        dir.Write("etc/platform.env", userData.Files[FleetProvisioningSpec.EnvironmentFilePath]);
        var sourced = RealTool.Run("env", "-i", "/bin/sh", "-c",
            "set -a; for f in \"$@\"; do . \"$f\"; done; env", "sh", Path.Combine(etc, "platform.env"), Path.Combine(etc, "identity.env"));
        Assert.True(sourced.ExitCode == 0, sourced.Both);
        var environment = sourced.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0] != "PWD" && p[0] != "SHLVL" && p[0] != "_")
            .Select(p => KeyValuePair.Create(p[0], p[1])).ToList();

        var exec = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..].Split(' ');
        Assert.Equal("/usr/local/bin/platform", exec[0]);
        var values = environment.ToDictionary(e => e.Key, e => e.Value);
        var arguments = exec.Skip(1).Select(a => System.Text.RegularExpressions.Regex.Replace(a, @"\$\{(?<name>[A-Z0-9_]+)\}",
            m => values.TryGetValue(m.Groups["name"].Value, out var v) ? v : throw new InvalidOperationException($"{m.Value} is not set when the unit starts"))).ToList();
        return new Launch("dc9", $"server at {address}", arguments, environment);
    }
}
