using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Tiers;

public class LaptopTierTests
{
    private static YamlMappingNode Program(string yaml) => ProgramYaml.Parse(yaml);

    [Fact]
    public void The_laptop_program_matches_its_reviewed_snapshot() =>
        Snapshot.Match("laptop.yaml", Synth.Yaml("laptop"));

    [Fact]
    public void The_laptop_program_with_telemetry_matches_its_reviewed_snapshot()
    {
        using var project = new TempProject(("laptop", File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.laptop.yaml"))
            .Replace("infra:telemetry: \"false\"", "infra:telemetry: \"true\"")));
        var yaml = Infra.Stacks.StackSynthesizer.Synthesize(new(project.Root), "laptop", null).ToYaml();
        Snapshot.Match("laptop-telemetry.yaml", yaml);
        var app = Program(yaml).At("resources", "app-server", "properties", "envs");
        Assert.Contains(((YamlSequenceNode)app).Children, e => e is YamlScalarNode { Value: "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317" });
        Assert.Equal("http://localhost:16686", Program(yaml).At("outputs", "traceUiUrl").Text());
    }

    [Fact]
    public void The_binary_gets_every_service_explicitly_as_a_flag_and_in_its_environment()
    {
        var app = Program(Synth.Yaml("laptop")).At("resources", "app-server", "properties");
        Assert.Equal("--services=gateway,accounts,events", app.At("command", 0).Text());
        var env = ((YamlSequenceNode)app.At("envs")).Children.OfType<YamlScalarNode>().Select(n => n.Value).ToList();
        Assert.Contains("PLATFORM_SERVICES=gateway,accounts,events", env);
        Assert.Contains("PLATFORM_DB_ACCOUNTS_NAME=accounts", env);
        Assert.Equal("8080", app.At("ports", 0, "internal").Text());
        Assert.Equal("7070", app.At("ports", 1, "internal").Text());
    }

    [Fact]
    public void Postgres_gets_one_database_per_service_and_its_password_only_as_a_secret()
    {
        var program = Program(Synth.Yaml("laptop"));
        var db = program.At("resources", "db-server", "properties");
        var script = db.At("uploads", 0, "content").Text();
        foreach (var service in new[] { "gateway", "accounts", "events" })
            Assert.Contains($"CREATE DATABASE {service}'", script);
        Assert.Equal("POSTGRES_PASSWORD=${db-password.result}", db.At("envs", 2, "fn::secret").Text());
        Assert.Equal("${db-data.name}", db.At("volumes", 0, "volumeName").Text());
        Assert.Equal("unless-stopped", db.At("restart").Text());
        Assert.Equal("CMD-SHELL", db.At("healthcheck", "tests", 0).Text());
    }

    [Fact]
    public void Every_image_is_pinned_and_no_port_is_published_beyond_localhost()
    {
        var resources = (YamlMappingNode)Program(Synth.Yaml("laptop")).At("resources");
        foreach (var (_, resource) in resources.Children)
        {
            var type = resource.At("type").Text();
            if (type == "docker:index/remoteImage:RemoteImage")
                Assert.Null(Infra.Platform.Configuration.ImageReference.Problem(resource.At("properties", "name").Text()));
            if (type == "docker:index/container:Container" && resource.At("properties").Has("ports"))
                Assert.All(((YamlSequenceNode)resource.At("properties", "ports")).Children, p => Assert.Equal("127.0.0.1", p.At("ip").Text()));
        }
    }

    [Fact]
    public void Services_chosen_in_config_are_the_only_ones_deployed()
    {
        using var project = new TempProject(("laptop", "config:\n  infra:services: [accounts]\n"));
        var yaml = Infra.Stacks.StackSynthesizer.Synthesize(new(project.Root), "laptop", null).ToYaml();
        var app = Program(yaml).At("resources", "app-server", "properties");
        Assert.Equal("--services=accounts", app.At("command", 0).Text());
        Assert.DoesNotContain("CREATE DATABASE gateway", Program(yaml).At("resources", "db-server", "properties", "uploads", 0, "content").Text());
    }

    [Fact]
    public void A_stack_with_another_name_picks_its_tier_from_config()
    {
        using var project = new TempProject(("dev-alice", "config:\n  infra:tier: laptop\n  infra:httpPort: \"18080\"\n"));
        var yaml = Infra.Stacks.StackSynthesizer.Synthesize(new(project.Root), "dev-alice", null).ToYaml();
        Assert.Equal("dev-alice-app", Program(yaml).At("resources", "app-server", "properties", "name").Text());
        Assert.Equal("http://localhost:18080", Program(yaml).At("outputs", "appUrl").Text());
    }
}
