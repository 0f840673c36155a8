using System.Text.RegularExpressions;
using Infra.Constructs.Aws;
using Infra.Platform.Configuration;
using Infra.Tests.Cloud;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// AWS names that dc9 derives from a Service or the stack fit what AWS accepts for every name the config
/// accepts, and a name that already fits is kept exactly (a changed name replaces the resource):
/// target groups (ELB: 32 characters with Pulumi's autoname suffix), the log bucket's prefix (S3: lower case,
/// 37 characters before the provider's suffix), and the domain (ACM: 64 characters).
/// </summary>
public class AwsNameDerivationTests
{
    private static YamlMappingNode Resources(string program) => (YamlMappingNode)ProgramYaml.Parse(program)["resources"];

    private static IEnumerable<string> NamesOfType(string program, string type) =>
        Resources(program).Children.Where(r => r.Value.At("type").Text() == type).Select(r => r.Key.ToString());

    private const string LongService = "notifications-gateway";

    private static string WithService(string service) => Dc9Synth.ExampleConfig.TrimEnd() + "\n" +
        $"  infra:catalog:\n    {service}:\n      routes:\n        - host: api\n          path: /notify/\n" +
        $"  infra:placement: {{gateway: 3, accounts: 3, events: 3, {service}: 2}}\n";

    [Fact]
    public void A_long_service_name_gets_a_target_group_whose_autoname_fits_elb_and_the_others_keep_theirs()
    {
        var program = Dc9Synth.Yaml(WithService(LongService));
        var groups = NamesOfType(program, "aws:lb/targetGroup:TargetGroup").Order(StringComparer.Ordinal).ToList();
        var shortened = Assert.Single(groups, g => g.StartsWith("alb-tg-notificati-", StringComparison.Ordinal));
        Assert.Equal(["alb-tg-accounts", "alb-tg-events", "alb-tg-gateway", shortened], groups);
        // Pulumi's autoname: the logical name, '-', 7 hex digits; ELB allows 32.
        Assert.All(groups, g => Assert.True(g.Length + 8 <= 32, $"{g}: autoname of {g.Length + 8} characters"));
        Assert.Matches("^alb-tg-notificati-[0-9a-f]{6}$", shortened);
        Assert.Equal(shortened, NamesOfType(Dc9Synth.Yaml(WithService(LongService)), "aws:lb/targetGroup:TargetGroup").Single(g => g.Contains("notif")));
        Assert.Contains($"targetGroupArn: ${{{shortened}.arn}}", program);
        Assert.Equal(LongService, Resources(program).Children[new YamlScalarNode(shortened)].At("properties", "tags", "service").Text());
    }

    [Theory]
    [InlineData("billing-gateway-x", "alb-tg-billing-gateway-x")] // 17 characters: the longest kept as is
    [InlineData("billing-gateway-xy", null)]
    [InlineData("a", "alb-tg-a")]
    public void Service_names_up_to_17_characters_keep_a_plain_target_group_id(string service, string? expected)
    {
        var group = NamesOfType(Dc9Synth.Yaml(WithService(service)), "aws:lb/targetGroup:TargetGroup")
            .Single(g => g is not ("alb-tg-gateway" or "alb-tg-accounts" or "alb-tg-events"));
        if (expected is not null) Assert.Equal(expected, group);
        else Assert.Matches("^alb-tg-billing-ga-[0-9a-f]{6}$", group);
    }

    [Fact]
    public void Two_long_services_with_the_same_start_get_different_target_groups()
    {
        var yaml = Dc9Synth.ExampleConfig.TrimEnd() + "\n" +
                   "  infra:catalog:\n" +
                   "    notifications-gateway:\n      routes:\n        - host: api\n          path: /a/\n" +
                   "    notifications-worker:\n      routes:\n        - host: api\n          path: /b/\n" +
                   "  infra:placement: {gateway: 3, accounts: 3, events: 3, notifications-gateway: 1, notifications-worker: 1}\n";
        var groups = NamesOfType(Dc9Synth.Yaml(yaml), "aws:lb/targetGroup:TargetGroup").Where(g => g.Contains("notif")).ToList();
        Assert.Equal(2, groups.Distinct().Count());
    }

    [Fact]
    public void Stacks_whose_names_fit_keep_their_log_bucket_prefix()
    {
        Assert.Equal("dc9-alb-logs-", S3BucketPrefix.For("dc9", "alb-logs"));
        Assert.Equal("dev-alice-alb-logs-", S3BucketPrefix.For("dev-alice", "alb-logs"));
        var longest = new string('s', 27);
        Assert.Equal($"{longest}-alb-logs-", S3BucketPrefix.For(longest, "alb-logs"));
        Assert.Contains("bucketPrefix: dc9-alb-logs-", Dc9Synth.Yaml());
    }

    [Theory]
    [InlineData("Team_Dev", "^team-dev-[0-9a-f]{6}-alb-logs-$")]
    [InlineData("team.dev", "^team-dev-[0-9a-f]{6}-alb-logs-$")]
    [InlineData("platform-notifications-dev-1", "^platform-notificatio-[0-9a-f]{6}-alb-logs-$")]
    [InlineData("Team_Platform_Notifications_Dev_Eu_West_1_Long_Stack_Name_For_Tests", "^team-platform-notifi-[0-9a-f]{6}-alb-logs-$")]
    [InlineData("sthree-dev", "^[0-9a-f]{6}-alb-logs-$")]
    [InlineData("xn--dev", "^xn-dev-[0-9a-f]{6}-alb-logs-$")]
    [InlineData("___", "^[0-9a-f]{6}-alb-logs-$")]
    public void Other_stack_names_get_a_valid_derived_prefix_with_a_hash_of_the_real_name(string stack, string pattern)
    {
        var prefix = S3BucketPrefix.For(stack, "alb-logs");
        Assert.Matches(pattern, prefix);
        Assert.InRange(prefix.Length, 1, S3BucketPrefix.MaxLength);
        // A bucket name S3 accepts once the provider appends its 26 characters.
        var bucket = prefix + new string('0', 26);
        Assert.Matches("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", bucket);
        Assert.Equal(prefix, S3BucketPrefix.For(stack, "alb-logs"));
    }

    [Fact]
    public void Stack_names_that_differ_only_in_case_or_punctuation_get_different_prefixes()
    {
        var prefixes = new[] { "team-dev", "Team_Dev", "team_dev", "TEAM-DEV", "team.dev" }.Select(s => S3BucketPrefix.For(s, "alb-logs")).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
    }

    [Fact]
    public void A_stack_named_with_capitals_and_underscores_synthesizes_a_valid_bucket_prefix()
    {
        var program = Dc9Synth.Yaml(Dc9Synth.ExampleConfig.Replace("config:\n", "config:\n  infra:tier: dc9\n"), stack: "Team_Dev");
        var prefix = Regex.Match(program, "bucketPrefix: (.*)\n").Groups[1].Value;
        Assert.Matches("^team-dev-[0-9a-f]{6}-alb-logs-$", prefix);
    }

    [Fact]
    public void A_domain_longer_than_acm_allows_for_a_certificate_is_a_config_error()
    {
        var domain65 = new string('d', 61) + ".com";
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Dc9Synth.With("domain", domain65))).Message;
        Assert.Contains($"infra:domain = \"{domain65}\": has 65 characters", message);
        Assert.Contains("has 65 characters; the ALB's certificate names it as its domain (X.509 common name), which ACM limits to 64.", message);
        Assert.Contains("Allowed: a DNS name of at most 64 characters, such as dev.example.com.", message);

        var domain64 = domain65[1..];
        Assert.Contains($"domainName: {domain64}", Dc9Synth.Yaml(Dc9Synth.With("domain", domain64)));
    }

    [Fact]
    public void At_every_length_limit_the_program_passes_the_cloud_constraints()
    {
        // The longest domain (64) and host label (63): HOST.DOMAIN is exactly ELB's 128-character host-header limit.
        using var project = new TempProject((TierCloudConstraintTests.LongNamesStack, TierCloudConstraintTests.Dc9LongNames));
        var report = Infra.Stacks.StackSynthesizer.Check(new Infra.Stacks.ProjectDirectory(project.Root), TierCloudConstraintTests.LongNamesStack, null).Report!;
        var violations = report.Results.Where(r => r.Policy.Category == "Cloud").SelectMany(r => r.Failed).Select(v => v.Render()).ToList();
        Assert.Empty(violations);
        var program = Infra.Stacks.StackSynthesizer.Synthesize(new Infra.Stacks.ProjectDirectory(project.Root), TierCloudConstraintTests.LongNamesStack, null).ToYaml();
        Assert.Contains($"- {new string('h', 63)}.{new string('d', 60)}.com\n", program);
        Assert.Equal(128, new string('h', 63).Length + 1 + new string('d', 60).Length + 4);
    }
}
