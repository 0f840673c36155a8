using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Providers;
using Infra.Stacks;
using Infra.Tests.Dc9;
using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// The input rules one by one, in-process: what is accepted (so the rules do not overreach) and what
/// is refused, with the exact wording the corpus relies on.
/// </summary>
public class ConfigInputRulesTests
{
    private static CheckedProgram Check(string stack, string? stackFile, string? pulumiConfig = null)
    {
        using var project = new TempProject();
        if (stackFile is not null) project.WriteStack(stack, stackFile);
        return StackSynthesizer.Check(new ProjectDirectory(project.Root), stack, pulumiConfig);
    }

    private static string Refused(string stack, string? stackFile, string? pulumiConfig = null) =>
        Assert.Throws<ConfigException>(() => Check(stack, stackFile, pulumiConfig)).Message;

    [Fact]
    public void The_known_namespaces_are_the_pinned_providers_plus_infra_and_pulumi()
    {
        Assert.Equal(PinnedProviders.All.Select(p => p.Key).Order(), ConfigNamespaces.Providers.Order());
        Assert.Equal(["infra", "pulumi", .. ConfigNamespaces.Providers], ConfigNamespaces.Known);
    }

    [Theory]
    [InlineData("aws:region", "eu-west-1")]
    [InlineData("pulumi:tags", "{\"team\": \"platform\"}")]
    [InlineData("docker:host", "unix:///var/run/docker.sock")]
    [InlineData("random:anything", "x")]
    public void Keys_of_the_providers_and_of_Pulumi_are_accepted(string key, string value) =>
        Assert.NotNull(Check("laptop", null, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value })).Report);

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("encryptionsalt: v1:abc:def\n")]
    [InlineData("secretsprovider: passphrase\nencryptedkey: abc\nenvironment:\n  - platform/dev\nconfig:\n  infra:owner: bob\n")]
    [InlineData("config:\n")]
    public void Stack_files_Pulumi_reads_are_accepted(string file) => Assert.NotNull(Check("laptop", file).Report);

    [Theory]
    [InlineData("Jürgen Müller")]
    [InlineData("équipe-plateforme")]
    [InlineData("платформа")]
    [InlineData("team@example.org")]
    public void Owners_in_any_script_are_accepted(string owner) =>
        Assert.NotNull(Check("laptop", $"config:\n  infra:owner: \"{owner}\"\n").Report);

    [Fact]
    public void An_owner_with_a_combining_mark_is_told_to_type_the_letter_as_one_character() =>
        Assert.Contains("combining mark U+0308", Refused("laptop", "config:\n  infra:owner: \"Ju\u0308rgen\"\n"));

    [Fact]
    public void A_secret_key_stored_securely_is_accepted_and_its_ciphertext_is_never_read()
    {
        var file = BadConfigCorpus.OnPrem3 + "  infra:backupRepoType: s3\n  infra:backupS3Bucket: pg-backups\n" +
                   "  infra:backupS3Endpoint: s3.eu-west-1.amazonaws.com\n  infra:backupS3Region: eu-west-1\n" +
                   "  infra:backupS3AccessKey:\n    secure: v1:AAAA\n  infra:backupS3SecretKey:\n    secure: v1:BBBB\n";
        Assert.DoesNotContain("v1:AAAA", Check("onprem3", file).Blueprint.ToYaml());
    }

    [Fact]
    public void A_dc9_VPC_of_19_bits_with_every_subnet_tier_and_six_AZs_is_accepted()
    {
        var yaml = Dc9Synth.ExampleConfig.Replace("config:\n", "config:\n  infra:vpcCidr: 172.16.32.0/19\n  infra:isolatedSubnets: \"true\"\n  infra:azCount: \"6\"\n");
        Assert.NotNull(Check("dc9", yaml).Report);
    }

    [Fact]
    public void Placeholders_warn_on_a_dev_stack_and_fail_a_production_one()
    {
        var dev = Check("dc9", Dc9Synth.ExampleConfig.Replace("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", new string('0', 64)));
        Assert.Contains(dev.Warnings, w => w.Key == "infra:binarySha256" && w.Problem.Contains("replace it before `pulumi up`"));
        Assert.Contains(dev.Warnings, w => w.Key == "infra:domain" && w.Value == "dev.example.com");
        Assert.DoesNotContain(dev.Warnings, w => w.Key == "infra:otelcolPackageSha256");

        var production = Check("dc9", Dc9Synth.Production());
        Assert.Empty(production.Warnings);
        Assert.Contains("a production stack needs the real value", Refused("dc9", Dc9Synth.ExampleConfig.Replace("infra:environment: dev", "infra:environment: production")));
    }

    [Theory]
    [InlineData("dev.example.com", "example.com is reserved for examples")]
    [InlineData("EXAMPLE.ORG.", "example.org is reserved for examples")]
    [InlineData("api.staging.test", ".test is reserved")]
    [InlineData("otel.acme-widgets.io", null)]
    [InlineData("notexample.com", null)]
    public void Example_hosts_are_the_reserved_names(string host, string? expected)
    {
        if (expected is null) Assert.Null(Placeholders.ExampleHost(host));
        else Assert.Contains(expected, Placeholders.ExampleHost(host));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", true)]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("000", false)]
    public void Placeholder_checksums_are_one_digit_repeated(string hex, bool placeholder) =>
        Assert.Equal(placeholder, Placeholders.PlaceholderDigest(hex) is not null);

    [Theory]
    [InlineData("192.0.2.11", true)]
    [InlineData("198.51.100.1", true)]
    [InlineData("203.0.113.200", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("2001:db9::1", false)]
    public void Documentation_addresses_are_placeholders(string address, bool placeholder) =>
        Assert.Equal(placeholder, Placeholders.DocumentationAddress(address) is not null);

    [Fact]
    public void Documentation_ranges_match_when_they_overlap()
    {
        Assert.NotNull(Placeholders.DocumentationRange(Ipv4Cidr.Parse("203.0.113.0/25")));
        Assert.NotNull(Placeholders.DocumentationRange(Ipv4Cidr.Parse("192.0.0.0/16")));
        Assert.Null(Placeholders.DocumentationRange(Ipv4Cidr.Parse("100.64.10.0/24")));
    }

    [Theory]
    [InlineData("laptop", null)]
    [InlineData("dev-eu_2.b", null)]
    [InlineData("acme/dev-eu", null)]
    [InlineData("acme/infra/dev-eu", null)]
    [InlineData("", "is empty")]
    [InlineData("a b", "contains a space")]
    [InlineData("dév", "contains the non-ASCII character 'é' (U+00E9)")]
    [InlineData("x\\y", "contains a backslash")]
    [InlineData("a/b/c/d", "has 4 parts")]
    [InlineData("acme//dev", "has an empty part")]
    [InlineData("../dev", "which is not an organization name")]
    [InlineData("laptop\n", "contains the control or space character U+000A")]
    [InlineData("a:b", "contains the character ':'")]
    public void Stack_names_follow_Pulumi(string name, string? problem)
    {
        if (problem is null) Assert.Null(StackName.Problem(name));
        else Assert.Contains(problem, StackName.Problem(name));
    }

    [Fact]
    public void A_long_stack_name_is_refused_and_a_valid_one_is_suggested()
    {
        Assert.Contains("at most 100", StackName.Problem(new string('a', 101)));
        Assert.Equal("my-stack", StackName.Suggest("my stack"));
        Assert.Equal("laptop", StackName.Suggest("x\\laptop"));
        Assert.Equal("dev", StackName.Suggest("   "));
        Assert.Equal("laptop\\u000a", StackName.Printable("laptop\n"));
    }

    [Fact]
    public void Each_kind_of_problem_ends_with_its_own_fix()
    {
        var errors = new[]
        {
            new ConfigError("infra:owner", null, "is wrong.", null),
            new ConfigError("Pulumi.x.yaml", null, "is not valid YAML.", null) { Fix = ConfigFix.EditStackFile },
            new ConfigError("PULUMI_CONFIG", null, "is not valid JSON.", null) { Fix = ConfigFix.PulumiConfig },
            new ConfigError("stack name", "X_Y", "is bad.", null) { Fix = ConfigFix.RenameStack },
        };
        var lines = new ConfigException("x", "test", errors).Message.Split('\n');
        Assert.Equal("Invalid configuration for stack 'x' (test), 4 problems:", lines[0]);
        Assert.StartsWith("Fix with `pulumi config set KEY VALUE --stack x`", lines[5]);
        Assert.StartsWith("Fix test in an editor", lines[6]);
        Assert.StartsWith("PULUMI_CONFIG is the JSON object", lines[7]);
        Assert.StartsWith("A stack's name is not config: rename the stack (`pulumi stack rename NEW --stack x`", lines[8]);
        Assert.Equal(9, lines.Length);

        var yamlOnly = new ConfigException("x", "Pulumi.x.yaml", [errors[1]]).Message;
        Assert.DoesNotContain("pulumi config set", yamlOnly);
    }

    [Fact]
    public void Keys_outside_the_known_namespaces_are_named_with_the_nearest_key_or_namespace()
    {
        string[] infraKeys = ["infra:owner", "infra:tier"];
        var problems = ConfigNamespaces.Check(["owner", "nothing", "infar:owner", "infar:ownr", "aws:region", "ws:region", ":x"], infraKeys)
            .ToDictionary(e => e.Key, e => e.Problem);

        Assert.Equal("has no namespace, so no one reads it: config keys are NAMESPACE:NAME. Did you mean infra:owner?", problems["owner"]);
        Assert.Equal("has no namespace, so no one reads it: config keys are NAMESPACE:NAME.", problems["nothing"]);
        Assert.Equal("is in the namespace 'infar', which neither the suite nor its providers read. Did you mean infra:owner?", problems["infar:owner"]);
        Assert.Equal("is in the namespace 'infar', which neither the suite nor its providers read. Did you mean the namespace infra?", problems["infar:ownr"]);
        Assert.Equal("is in the namespace 'ws', which neither the suite nor its providers read. Did you mean aws:region?", problems["ws:region"]);
        Assert.StartsWith("is in the namespace '', which", problems[":x"]);  // an empty namespace is no namespace the suite knows
        Assert.False(problems.ContainsKey("aws:region"));
        Assert.All(ConfigNamespaces.Check(["owner"], infraKeys), e => Assert.Equal("keys in the namespaces infra, pulumi, aws, kubernetes, cloudflare, nomad, consul, docker, command, tls, random", e.Allowed));
    }

    [Fact]
    public void A_problem_reads_key_value_problem_and_what_is_allowed_and_a_long_value_is_cut_at_80_characters()
    {
        Assert.Equal("infra:owner: is missing.", new ConfigError("infra:owner", null, "is missing.", null).Render());
        Assert.Equal("infra:owner = \"x\": is too short. Allowed: 2 to 64 characters.",
            new ConfigError("infra:owner", "x", "is too short.", "2 to 64 characters").Render());

        var eighty = new string('a', 80);
        Assert.Equal($"k = \"{eighty}\": is long.", new ConfigError("k", eighty, "is long.", null).Render());  // 80 fit
        var longer = eighty + "b";
        Assert.Equal($"k = \"{new string('a', 77)}...\": is long.", new ConfigError("k", longer, "is long.", null).Render());
    }

    [Fact]
    public void A_value_is_quoted_only_for_a_key_declared_non_secret()
    {
        var secret = ConfigKey.Secret("token", "a secret");
        var plain = new ConfigKey<string>("owner", ConfigShapes.Text("a name"), "", "the owner");
        var reader = new ConfigReader(ConfigSource.Empty("test"), "x", Tier.Laptop, [secret, plain]);
        reader.Report(secret, "hunter2", "is wrong.");
        reader.Report(plain, "bob", "is wrong.");
        reader.Placeholder(secret, "hunter3", "an example");
        Assert.Null(reader.Errors[0].Value);
        Assert.Equal("bob", reader.Errors[1].Value);
        Assert.Null(reader.Warnings[0].Value);
    }

    [Fact]
    public void A_dc9_stack_name_that_S3_cannot_carry_still_synthesizes_because_the_log_bucket_prefix_is_derived()
    {
        var config = Dc9Synth.ExampleConfig.Replace("config:\n", "config:\n  infra:tier: dc9\n");
        Assert.NotNull(Check("dev-eu-1", config).Report);
        Assert.NotNull(Check(new string('a', 28), config).Report);
        Assert.NotNull(Check("Dev_EU", config).Report);
    }
}
