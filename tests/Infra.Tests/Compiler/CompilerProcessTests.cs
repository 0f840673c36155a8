using System.Diagnostics;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Compiler;

/// <summary>The built tool run exactly as Pulumi's YAML language host runs its compiler.</summary>
public class CompilerProcessTests
{
    // What Pulumi passes for the committed Pulumi.laptop.yaml: every value a string, lists JSON-encoded.
    private const string LaptopConfigJson = """
        {"infra:environment":"dev","infra:owner":"platform-team","infra:services":"[\"gateway\",\"accounts\",\"events\"]",
         "infra:httpPort":"8080","infra:busPort":"7070","infra:dbPort":"5432","infra:telemetry":"false"}
        """;

    private static Dictionary<string, string> PulumiEnvironment(string stack, string config) => new()
    {
        ["PULUMI_STACK"] = stack,
        ["PULUMI_PROJECT"] = "infra",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_ROOT_DIRECTORY"] = RepoPaths.Root,
        ["PULUMI_CONFIG"] = config,
    };

    [Fact]
    public void With_pulumi_variables_it_prints_the_laptop_program_equal_to_the_snapshot()
    {
        var result = InfraProcess.Run(RepoPaths.Root, PulumiEnvironment("laptop", LaptopConfigJson), "synth");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var snapshot = File.ReadAllText(Path.Combine(RepoPaths.Snapshots, "laptop.yaml"));
        Assert.True(YamlEquals(ProgramYaml.Parse(snapshot), ProgramYaml.Parse(result.Stdout)), "stdout differs from the laptop snapshot");
        Assert.Equal(snapshot, result.Stdout);
    }

    [Fact]
    public void A_fully_qualified_stack_name_is_accepted()
    {
        var result = InfraProcess.Run(RepoPaths.Root, PulumiEnvironment("organization/infra/laptop", LaptopConfigJson), "synth");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name: laptop-app", result.Stdout);
    }

    [Fact]
    public void Without_pulumi_variables_it_prints_the_plugin_discovery_program()
    {
        var result = InfraProcess.Run(RepoPaths.Root, null, "synth");
        Assert.Equal(0, result.ExitCode);
        var resources = (YamlMappingNode)ProgramYaml.Parse(result.Stdout).At("resources");
        Assert.Equal(Infra.Providers.PinnedProviders.All.Count, resources.Children.Count);
        Assert.All(resources.Children.Values, r => Assert.StartsWith("pulumi:providers:", r.At("type").Text()));
    }

    [Fact]
    public void Secret_config_values_from_pulumi_never_reach_stdout()
    {
        const string marker = "s3cr3t-value-that-must-not-leak";
        var config = LaptopConfigJson.Replace("\"infra:owner\":\"platform-team\"", $"\"infra:owner\":\"platform-team\",\"infra:unusedSecret\":\"{marker}\"");
        var result = InfraProcess.Run(RepoPaths.Root, PulumiEnvironment("laptop", config), "synth");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("infra:unusedSecret", result.Stderr);
    }

    [Fact]
    public async Task The_compiler_command_of_pulumi_yaml_runs_as_written()
    {
        var pulumiYaml = ProgramYaml.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.yaml")));
        var compiler = pulumiYaml.At("runtime", "options", "compiler").Text();
        Assert.Equal("./infra synth", compiler);
        var argv = compiler.Split(' ');

        var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, argv[0]))
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in PulumiEnvironment("laptop", LaptopConfigJson)) start.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The first call on a fresh clone builds the compiler (a NativeAOT publish where clang exists takes minutes on two cores).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Snapshots, "laptop.yaml")), await stdout);
    }

    private static bool YamlEquals(YamlNode a, YamlNode b) => (a, b) switch
    {
        (YamlScalarNode x, YamlScalarNode y) => x.Value == y.Value,
        (YamlSequenceNode x, YamlSequenceNode y) => x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => YamlEquals(p.First, p.Second)),
        (YamlMappingNode x, YamlMappingNode y) => x.Children.Count == y.Children.Count &&
            x.Children.All(kv => y.Children.TryGetValue(kv.Key, out var other) && YamlEquals(kv.Value, other)),
        _ => false,
    };
}
