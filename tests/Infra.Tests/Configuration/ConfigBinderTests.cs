using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// The config binder on keys declared here the way a tier declares its own: a scalar with a range, and a
/// list of objects (such as the global tier's regions). One declaration gives the reading, every message
/// and the docs.
/// </summary>
public sealed class ConfigBinderTests
{
    private sealed record Region(string Name, int Servers, bool Primary);

    private static readonly ConfigField<string> RegionName = new("name",
        ConfigShapes.OneOf("is not a region of the platform.", "eu-west-1", "us-east-1", "ap-south-1"), "", "AWS region.") { Required = true };

    private static readonly ConfigField<int> RegionServers = new("servers", ConfigShapes.Integer(1, 99), 3, "Servers in the region.");

    private static readonly ConfigField<bool> RegionPrimary = new("primary", ConfigShapes.Boolean, false, "Holds the RAFT leader's peers.");

    private static readonly ConfigKey<IReadOnlyList<Region>?> Regions = new("regions",
        ConfigShapes.List("a list of {name, servers, primary}",
            ConfigShapes.Object("{name: REGION, servers: 1..99, primary: bool}", [RegionName, RegionServers, RegionPrimary],
                (values, _) => new Region(values.Get(RegionName), values.Get(RegionServers), values.Get(RegionPrimary)))),
        null, "The regions the stack spans.") { Required = true };

    private static readonly ConfigKey<int> Replicas = new("replicas", ConfigShapes.Integer(1, 9), 3, "Replicas per Service.");

    private static ConfigReader Reader(string yaml)
    {
        using var project = new TempProject(("global", yaml));
        var source = ConfigSource.FromStackFile(Path.Combine(project.Root, "Pulumi.global.yaml"));
        return new ConfigReader(source, "global", Tier.Global, [.. CommonKeys.All, Regions, Replicas]);
    }

    [Fact]
    public void A_list_of_objects_binds_with_defaults_for_absent_fields()
    {
        var config = Reader("config:\n  infra:regions:\n    - name: eu-west-1\n      primary: true\n    - name: us-east-1\n      servers: 5\n");
        Assert.Equal([new Region("eu-west-1", 3, true), new Region("us-east-1", 5, false)], config.Get(Regions));
        Assert.Equal(3, config.Get(Replicas));
        Assert.Empty(config.Errors);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_path_value_and_what_is_allowed()
    {
        var config = Reader("""
            config:
              infra:replica: 4
              infra:replicas: "12"
              infra:regions:
                - name: eu-west-2
                  servers: many
                - nme: us-east-1
                  primary: perhaps
            """);
        config.Get(Regions);
        config.Get(Replicas);
        config.CheckUnknownKeys();
        Assert.Equal(
        [
            "infra:regions[0].name = \"eu-west-2\": is not a region of the platform. Allowed: eu-west-1 | us-east-1 | ap-south-1.",
            "infra:regions[0].servers = \"many\": is not a whole number. Allowed: an integer from 1 to 99.",
            "infra:regions[1].nme: is not a known field. Did you mean name? Allowed: the fields name, servers, primary (names are case-sensitive).",
            "infra:regions[1].name: is required and not set. Allowed: eu-west-1 | us-east-1 | ap-south-1.",
            "infra:regions[1].primary = \"perhaps\": is not a boolean. Allowed: true or false.",
            "infra:replicas = \"12\": is out of range. Allowed: an integer from 1 to 9.",
        ], config.Errors.Take(6).Select(e => e.Render()));
        Assert.Contains("is not a known key. Did you mean infra:replicas?", config.Errors[6].Render());
        Assert.Equal(7, config.Errors.Count);
    }

    [Fact]
    public void A_required_key_that_is_unset_is_an_error_and_reads_as_its_default()
    {
        var config = Reader("config:\n  infra:owner: team-a\n");
        Assert.Null(config.Get(Regions));
        Assert.Equal("infra:regions: is required and not set. Allowed: a list of {name, servers, primary}.", Assert.Single(config.Errors).Render());
    }

    [Fact]
    public void A_list_of_objects_may_arrive_as_JSON_text_as_Pulumi_passes_it()
    {
        var source = ConfigSource.FromPulumiConfigJson("""{"infra:regions": "[{\"name\": \"ap-south-1\", \"servers\": 7}]"}""");
        var config = new ConfigReader(source, "global", Tier.Global, [Regions]);
        Assert.Equal([new Region("ap-south-1", 7, false)], config.Get(Regions));
        Assert.Empty(config.Errors);
    }

    [Fact]
    public void A_value_is_never_quoted_for_a_secret_key()
    {
        var token = ConfigKey.Secret("apiToken", "a token");
        var config = new ConfigReader(ConfigSource.FromPulumiConfigJson("""{"infra:apiToken": "hunter2"}"""), "global", Tier.Global, [token]);
        Assert.True(config.Secret(token, required: true));
        Assert.Throws<InvalidOperationException>(() => config.Get(token));
        config.Report(token, "hunter2", "is wrong.");
        Assert.DoesNotContain("hunter2", Assert.Single(config.Errors).Render());
    }

    [Fact]
    public void The_docs_of_a_list_of_objects_come_from_its_declaration()
    {
        var table = ConfigKeyDocs.Markdown(new ConfigKeyGroup("global", [Regions, Replicas]));
        Assert.Contains("| `infra:regions` | list of objects | required | a list of {name, servers, primary} | The regions the stack spans. |", table);
        Assert.Contains("| `infra:regions[].servers` | integer | `3` | an integer from 1 to 99 | Servers in the region. |", table);
        Assert.Contains("| `infra:replicas` | integer | `3` | an integer from 1 to 9 | Replicas per Service. |", table);

        using var json = JsonDocument.Parse(ConfigKeyDocs.Json([new ConfigKeyGroup("global", [Regions])]));
        var key = json.RootElement[0];
        Assert.Equal("infra:regions", key.GetProperty("key").GetString());
        Assert.Equal("list of objects", key.GetProperty("type").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.Equal(["name", "servers", "primary"], key.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public void The_config_keys_command_prints_every_key_as_text_json_and_markdown()
    {
        var text = InfraProcess.Run(RepoPaths.Root, null, "config", "keys", "laptop");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Keys every tier reads:", text.Stdout);
        Assert.Contains("Keys of tier laptop:", text.Stdout);
        Assert.Contains("infra:httpPort  (integer; default: 8080)", text.Stdout);
        Assert.DoesNotContain("infra:domain", text.Stdout);

        var json = InfraProcess.Run(RepoPaths.Root, null, "config", "keys", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var keys = JsonNode.Parse(json.Stdout)!.AsArray();
        Assert.Contains(keys, k => k!["key"]!.GetValue<string>() == "infra:backupS3SecretKey" && k["secret"]!.GetValue<bool>());
        Assert.Contains(keys, k => k!["key"]!.GetValue<string>() == "infra:domain" && k["scope"]!.GetValue<string>() == "dc9");

        var help = InfraProcess.Run(RepoPaths.Root, null, "config", "keys", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--format", help.Stdout);

        var wrong = InfraProcess.Run(RepoPaths.Root, null, "config", "keys", "lapotp");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Equal("", wrong.Stdout);
    }
}
