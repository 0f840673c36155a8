using Infra.Synthesis;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Core;

public class ResourceOptionsTests
{
    [Fact]
    public void Every_resource_option_is_emitted_with_its_pulumi_name()
    {
        var bp = TestBlueprint.Create();
        var other = new ProviderResource(bp, "other-provider", "test", "1.0.0");
        var parent = new TestResource(bp, "parent", "test:index:Parent");
        var dep = new TestResource(bp, "dep", "test:index:Dep");
        _ = new TestResource(bp, "child", "test:index:Child", null, new ResourceOptions
        {
            Provider = other,
            Parent = parent,
            DependsOn = [dep],
            Protect = true,
            IgnoreChanges = ["tags", "userData"],
            DeleteBeforeReplace = true,
            RetainOnDelete = true,
            CustomTimeouts = new CustomTimeouts(Create: "30m", Delete: "1h"),
            Aliases = ["urn:pulumi:dev::infra::test:index:Child::old-child"],
            ReplaceOnChanges = ["cidrBlock"],
            AdditionalSecretOutputs = ["connectionString"],
            DeletedWith = parent,
            Version = "1.0.0",
            Import = "i-0123456789",
        });

        var options = (YamlMappingNode)ProgramYaml.Parse(bp.ToYaml()).At("resources", "child", "options");
        Assert.Equal(
            ["provider", "parent", "dependsOn", "protect", "retainOnDelete", "deleteBeforeReplace", "deletedWith",
             "ignoreChanges", "replaceOnChanges", "additionalSecretOutputs", "aliases", "customTimeouts", "import", "version"],
            options.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("${other-provider}", options.At("provider").Text());
        Assert.Equal("${parent}", options.At("parent").Text());
        Assert.Equal("${dep}", options.At("dependsOn", 0).Text());
        Assert.Equal("true", options.At("protect").Text());
        Assert.Equal("userData", options.At("ignoreChanges", 1).Text());
        Assert.Equal("30m", options.At("customTimeouts", "create").Text());
        Assert.Equal("1h", options.At("customTimeouts", "delete").Text());
        Assert.False(options.At("customTimeouts").Has("update"));
        Assert.Equal("${parent}", options.At("deletedWith").Text());
        Assert.Equal("i-0123456789", options.At("import").Text());
        Assert.Equal("connectionString", options.At("additionalSecretOutputs", 0).Text());
    }

    [Fact]
    public void Unset_options_are_not_emitted_but_the_default_provider_always_is()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "plain", "test:index:Plain");
        var options = (YamlMappingNode)ProgramYaml.Parse(bp.ToYaml()).At("resources", "plain", "options");
        Assert.Single(options.Children);
        Assert.Equal("${test-provider}", options.At("provider").Text());
    }

    [Fact]
    public void Providers_are_explicit_resources_with_a_pinned_version()
    {
        var bp = TestBlueprint.Create();
        var provider = ProgramYaml.Parse(bp.ToYaml()).At("resources", "test-provider");
        Assert.Equal("pulumi:providers:test", provider.At("type").Text());
        Assert.Equal("1.0.0", provider.At("options", "version").Text());
        Assert.False(provider.At("options").Has("parent"));
    }

    [Fact]
    public void A_resource_without_a_provider_in_scope_is_an_error_that_says_how_to_fix_it()
    {
        var bp = new Blueprint("unit");
        var error = Assert.Throws<SynthesisException>(() => new TestResource(bp, "orphan", "aws:ec2/vpc:Vpc"));
        Assert.Contains("has no 'aws' provider", error.Message);
        Assert.Contains("UseProvider", error.Message);
    }

    [Fact]
    public void A_get_resource_reads_an_existing_resource_by_id()
    {
        var bp = TestBlueprint.Create();
        _ = new ReadResource(bp, "existing", "test:index:Zone", "Z123");
        var node = ProgramYaml.Parse(bp.ToYaml()).At("resources", "existing");
        Assert.Equal("Z123", node.At("get", "id").Text());
        Assert.False(node.Has("properties"));
    }

    /// <summary>The writer writes options straight from the resource: the exact text, with escaping and an empty timeout set.</summary>
    [Fact]
    public void Options_are_written_in_order_with_literals_escaped_and_a_timeout_set_without_values_as_an_empty_mapping()
    {
        var bp = TestBlueprint.Create();
        var dep = new TestResource(bp, "dep", "test:index:Dep");
        _ = new TestResource(bp, "child", "test:index:Child", null, new ResourceOptions
        {
            DependsOn = [dep, dep],
            Protect = false,
            IgnoreChanges = ["tags[\"$cost\"]", "true"],
            CustomTimeouts = new CustomTimeouts(),
            Import = "id-$1",
            Version = "2.0.0",
        });
        _ = new TestResource(bp, "timed", "test:index:Child", null, new ResourceOptions { CustomTimeouts = new CustomTimeouts(Update: "$5m") });

        var yaml = bp.ToYaml();
        Assert.Contains("""
              child:
                type: test:index:Child
                options:
                  provider: ${test-provider}
                  dependsOn:
                  - ${dep}
                  - ${dep}
                  protect: false
                  ignoreChanges:
                  - tags["$$cost"]
                  - "true"
                  customTimeouts: {}
                  import: id-$$1
                  version: "2.0.0"
            """.Replace("\r\n", "\n"), yaml);
        Assert.Contains("""
                options:
                  provider: ${test-provider}
                  customTimeouts:
                    update: $$5m

            """.Replace("\r\n", "\n"), yaml);
    }

    private sealed class ReadResource(Scope scope, string id, string type, string cloudId)
        : Resource(scope, id, type, Infra.Synthesis.Expressions.ObjectExpr.Empty, null, new ResourceGet(cloudId));
}
