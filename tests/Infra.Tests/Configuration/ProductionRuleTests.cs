using System.CommandLine;
using System.Text.Json;
using Infra.Cli.Commands;
using Infra.Operations;
using Infra.Platform.Configuration;
using Infra.Stacks;
using Infra.Tests.Operations;
using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// One rule says whether a stack is production (<see cref="ProductionRule"/>), and every path that acts
/// on it agrees: synthesis (protected data, the binary's environment), the policy pack (production-only
/// policies, exemptions of mandatory policies), the dev schedule and the destroy guard. Regression for
/// issue 9 A14: a stack named prod-eu without infra:environment was synthesized as dev while schedule and
/// destroy treated it as production.
/// </summary>
public sealed class ProductionRuleTests : IDisposable
{
    public enum Expected { Dev, Staging, Production, Refused }

    private readonly TempProject project = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose() => project.Dispose();

    [Theory]
    [InlineData("prod", true)]
    [InlineData("prod-eu", true)]
    [InlineData("eu-prod", true)]
    [InlineData("eu_prod2", true)]
    [InlineData("Production-EU", true)]
    [InlineData("acme/infra/prod-eu", true)]
    [InlineData("product-catalog", false)]
    [InlineData("preprod", false)]
    [InlineData("reproduce-bug", false)]
    [InlineData("dev-eu", false)]
    public void A_production_name_has_a_prod_or_production_part(string stack, bool production)
    {
        Assert.Equal(production, ProductionRule.NameLooksLikeProduction(stack));
    }

    public static TheoryData<string, string?, Expected> Cases => new()
    {
        { "prod-eu", null, Expected.Production },
        { "eu-prod", null, Expected.Production },
        { "reproduce-bug", null, Expected.Dev },
        { "dev-eu", null, Expected.Dev },
        { "prod-eu", "production", Expected.Production },
        { "eu", "production", Expected.Production },
        { "eu", "staging", Expected.Staging },
        { "prod-eu", "dev", Expected.Refused },
        { "eu", "Production", Expected.Refused },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Synthesis_follows_the_rule(string stack, string? configured, Expected expected)
    {
        var config = LaptopConfig(configured);
        if (expected == Expected.Refused)
        {
            var refused = Assert.Throws<ConfigException>(() => StackSynthesizer.Synthesize(Synth.Repo, stack, config));
            Assert.Contains("infra:environment", refused.Message);
            return;
        }
        var program = StackSynthesizer.Synthesize(Synth.Repo, stack, config);
        var data = program.Resources.Single(r => r.Name == "db-data");
        Assert.Equal(expected == Expected.Production ? true : null, data.Options.Protect);
        Assert.Contains($"PLATFORM_ENVIRONMENT={expected.ToString().ToLowerInvariant()}", program.ToYaml());
    }

    [Fact]
    public void A_refused_environment_is_a_config_error_of_the_compiler_exit_1_and_nothing_on_stdout()
    {
        var (exit, stdout, stderr) = InfraProcess.Run(project.Root, new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod-eu",
            ["PULUMI_PROJECT"] = "infra",
            ["PULUMI_CONFIG"] = LaptopConfig("dev"),
        }, "synth");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("infra:environment = \"dev\": contradicts the stack name 'prod-eu', which names a production stack", stderr);
        Assert.Contains("pulumi config set infra:environment production --stack prod-eu", stderr);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_policy_pack_follows_the_rule(string stack, string? configured, Expected expected)
    {
        if (expected == Expected.Refused) return;  // refused before any policy runs (see the synthesis case)
        var checkedProgram = StackSynthesizer.Check(Synth.Repo, stack, LaptopConfig(configured));
        // STO-005 (production data retained) applies only to production stacks.
        var retained = checkedProgram.Report!.Results.Single(r => r.Policy.Id == "STO-005");
        Assert.Equal(expected == Expected.Production, retained.Checked > 0);

        // Waiving a mandatory policy needs allowOnProduction exactly when the stack is production.
        var waiver = LaptopConfig(configured, """[{"policy":"HYG-006","resource":"app-server","reason":"probe comes with the real image"}]""");
        if (expected == Expected.Production)
            Assert.Contains("without allowOnProduction", Assert.Throws<ConfigException>(() => StackSynthesizer.Check(Synth.Repo, stack, waiver)).Message);
        else
            Assert.NotNull(StackSynthesizer.Check(Synth.Repo, stack, waiver).Report);
    }

    [Fact]
    public void A_production_named_dc9_stack_without_environment_has_no_expiry_tag_and_keeps_its_load_balancer()
    {
        // The values a production stack would use (no example domains or placeholder checksums).
        var yaml = Dc9.Dc9Synth.ExampleConfig
            .Replace("  infra:environment: dev\n", "  infra:tier: dc9\n")
            .Replace("dev.example.com", "platform.acme-corp.net")
            .Replace("releases.example.com", "releases.acme-corp.net")
            .Replace("otel.example.com", "otel.acme-corp.net")
            .Replace("203.0.113.0/24", "100.64.10.0/24");
        var program = Dc9.Dc9Synth.Yaml(yaml, "prod-eu");
        Assert.DoesNotContain("expiry:", program);
        Assert.Contains("enableDeletionProtection: true", program);
        Assert.Contains("environment: production", program);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_schedule_follows_the_rule(string stack, string? configured, Expected expected)
    {
        StackFile(stack, configured, "  infra:schedule:\n    timeZone: UTC\n    weekdayUp: \"07:00\"\n");
        // Monday 2026-01-05 07:00 UTC: a dev or staging stack comes up.
        var exit = await Run(ScheduleCommand.Create(), "schedule", "--stack", stack, "--at", "2026-01-05T07:00:00Z", "--actual", "down", "--offline");
        switch (expected)
        {
            case Expected.Refused:
                Assert.Equal(1, exit);
                Assert.Equal("", output.ToString());
                Assert.Contains("infra:environment", error.ToString());
                break;
            case Expected.Production:
                Assert.Equal(0, exit);
                Assert.Equal("nothing", output.ToString().Trim());
                Assert.Contains("production stacks are never scheduled", error.ToString());
                break;
            default:
                Assert.Equal(0, exit);
                Assert.Equal("up", output.ToString().Trim());
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_destroy_guard_follows_the_rule(string stack, string? configured, Expected expected)
    {
        StackFile(stack, configured, "  infra:tier: laptop\n");
        var runner = new RecordingProcessRunner();
        var root = new RootCommand("infra");
        foreach (var command in DeployCommands.Create(new NoSynthesis(), runner)) root.Add(command);
        var exit = await Run(root, "destroy", stack);
        switch (expected)
        {
            case Expected.Refused:
                Assert.Equal(1, exit);
                Assert.Empty(runner.Calls);
                Assert.Contains("infra:environment", error.ToString());
                break;
            case Expected.Production:
                Assert.Equal(1, exit);
                Assert.Empty(runner.Calls);
                Assert.Contains($"Refusing to destroy production stack '{stack}'", error.ToString());
                break;
            default:
                Assert.Equal(0, exit);
                Assert.StartsWith($"pulumi destroy --stack {stack} --yes", runner.CommandLines.Last());
                break;
        }
    }

    private static string LaptopConfig(string? environment, string? exemptions = null)
    {
        var config = new Dictionary<string, string> { ["infra:tier"] = "laptop" };
        if (environment is not null) config["infra:environment"] = environment;
        if (exemptions is not null) config["infra:policyExemptions"] = exemptions;
        return JsonSerializer.Serialize(config);
    }

    private void StackFile(string stack, string? environment, string more) =>
        project.WriteStack(stack, "config:\n" + (environment is null ? "" : $"  infra:environment: {environment}\n") + more);

    private async Task<int> Run(Command command, params string[] args)
    {
        var root = command as RootCommand ?? new RootCommand("infra") { command };
        return await root.Parse([.. args, "--project-dir", project.Root])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private sealed class NoSynthesis : ISynthesizer
    {
        public string Synthesize(string projectRoot, string stack) => "resources: {}\n";
    }
}
