using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies;
using Infra.Policies.Exemptions;

namespace Infra.Tests.Policies;

/// <summary>
/// Every path through <c>infra:policyExemptions</c> and <c>infra:allowedInstanceTypes</c>: what is read,
/// and for each mistake the key, the place and the problem that is reported.
/// </summary>
public sealed class ExemptionReaderTests
{
    private static (IReadOnlyList<PolicyExemption> Exemptions, IReadOnlyList<ConfigError> Errors) Read(JsonNode? node, bool production = false)
    {
        var reader = new ConfigReader(ConfigSource.Empty("test"), "test", Tier.Dc9, CommonKeys.All);
        var exemptions = ExemptionReader.Read(node, reader, PolicyPack.All, production);
        return (exemptions, reader.Errors);
    }

    private static (IReadOnlyList<PolicyExemption> Exemptions, IReadOnlyList<ConfigError> Errors) Read(string json, bool production = false) =>
        Read(JsonNode.Parse(json), production);

    [Fact]
    public void No_value_means_no_exemptions_and_no_error()
    {
        var (exemptions, errors) = Read((JsonNode?)null);
        Assert.Empty(exemptions);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_list_given_as_json_text_is_read()
    {
        var (exemptions, errors) = Read(JsonValue.Create("""[{"policy":"HYG-008","resource":"app","reason":" sized by the host "}]"""));
        Assert.Empty(errors);
        Assert.Equal(new PolicyExemption("HYG-008", "app", "sized by the host", false), Assert.Single(exemptions));
    }

    // What only the pack knows (the binder checks the fields): the policy exists, a mandatory one waived on
    // production says allowOnProduction, and no policy/resource pair repeats.

    [Theory]
    [InlineData("\"ZZZ-999\"", "ZZZ-999", "is not a policy id.")]
    [InlineData("\"net-001\"", "net-001", "is not a policy id. Did you mean NET-001?")]
    public void An_unknown_policy_id_is_reported_on_its_field_with_a_suggestion_when_one_is_close(string policy, string value, string problem)
    {
        var (exemptions, errors) = Read($$"""[{"policy": {{policy}}, "resource": "a", "reason": "r"}]""");
        Assert.Empty(exemptions);
        var error = Assert.Single(errors);
        Assert.Equal(("infra:policyExemptions[0].policy", value, problem), (error.Key, error.Value, error.Problem));
        Assert.Equal("a policy id listed by `infra policy`, e.g. NET-001", error.Allowed);
    }

    [Fact]
    public void Production_needs_the_flag_for_mandatory_policies_only()
    {
        var (exemptions, errors) = Read("""
            [
              {"policy": "HYG-006", "resource": "a", "reason": "r"},
              {"policy": "HYG-006", "resource": "b", "reason": "r", "allowOnProduction": false},
              {"policy": "HYG-006", "resource": "c", "reason": "r", "allowOnProduction": true},
              {"policy": "HYG-008", "resource": "d", "reason": "r"}
            ]
            """, production: true);
        Assert.Equal(["c", "d"], exemptions.Select(e => e.Resource));
        Assert.Equal(["infra:policyExemptions[0].policy", "infra:policyExemptions[1].policy"], errors.Select(e => e.Key));
        Assert.All(errors, e => Assert.Equal("HYG-006", e.Value));
        Assert.Equal("exempts mandatory policy HYG-006 (Containers have a health check) on a production stack without allowOnProduction: true.",
            errors[0].Problem);
        Assert.Equal("remove the exemption and fix the resource, or add allowOnProduction: true after review", errors[0].Allowed);

        var (staging, none) = Read("""[{"policy": "HYG-006", "resource": "a", "reason": "r"}]""", production: false);
        Assert.Empty(none);
        Assert.Equal("a", Assert.Single(staging).Resource);
    }

    [Fact]
    public void A_repeated_policy_and_resource_pair_is_reported_once_per_repeat()
    {
        var (exemptions, errors) = Read("""
            [
              {"policy": "HYG-008", "resource": "a", "reason": "r1"},
              {"policy": "HYG-008", "resource": "b", "reason": "r2"},
              {"policy": "HYG-006", "resource": "a", "reason": "r3"},
              {"policy": "HYG-008", "resource": "a", "reason": "r4"},
              {"policy": "HYG-008", "resource": "a", "reason": "r5"}
            ]
            """);
        Assert.Equal(["r1", "r2", "r3"], exemptions.Select(e => e.Reason));
        Assert.Equal(2, errors.Count);
        Assert.Equal(("infra:policyExemptions[3]", "HYG-008 a", "repeats an earlier exemption.", "each policy/resource pair once"),
            (errors[0].Key, errors[0].Value, errors[0].Problem, errors[0].Allowed));
        Assert.Equal("infra:policyExemptions[4]", errors[1].Key);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"True\"", true)]
    [InlineData("\"false\"", false)]
    public void AllowOnProduction_is_a_boolean_or_its_text(string flag, bool expected)
    {
        var (exemptions, errors) = Read($$"""[{"policy": "HYG-008", "resource": "a", "reason": "r", "allowOnProduction": {{flag}}}]""");
        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(exemptions).AllowOnProduction);
    }

    [Fact]
    public void Exemptions_match_one_resource_or_every_resource_of_one_policy()
    {
        var violation = new Violation("NET-008", Severity.Advisory, "web-sg", "p", "f");
        Assert.True(new PolicyExemption("NET-008", "web-sg", "r").Matches(violation));
        Assert.True(new PolicyExemption("NET-008", PolicyExemption.AllResources, "r").Matches(violation));
        Assert.False(new PolicyExemption("NET-008", "db-sg", "r").Matches(violation));
        Assert.False(new PolicyExemption("NET-007", "web-sg", "r").Matches(violation));
        Assert.False(new PolicyExemption("NET-007", "*", "r").Matches(violation));
    }

    // PolicyConfig ----------------------------------------------------------------------------

    private static (PolicyConfig Config, IReadOnlyList<ConfigError> Errors) ReadConfig(Tier tier, IEnumerable<ConfigKey> keys,
        Dictionary<string, JsonNode> values, bool production = false)
    {
        var source = new ConfigSource(values.ToDictionary(v => v.Key, v => new RawConfigValue(v.Value, false)), "test");
        var reader = new ConfigReader(source, "test", tier, keys);
        var config = PolicyConfig.Read(reader, production);
        return (config, reader.Errors);
    }

    [Fact]
    public void Without_the_keys_the_tier_defaults_apply()
    {
        var (config, errors) = ReadConfig(Tier.Dc9, CommonKeys.All, new());
        Assert.Empty(errors);
        Assert.Empty(config.Exemptions);
        Assert.Equal(TierPolicyProfile.For(Tier.Dc9).InstanceTypes, config.AllowedInstanceTypes);
        Assert.Empty(PolicyConfig.Defaults(Tier.Global).Exemptions);
        Assert.Same(TierPolicyProfile.For(Tier.Global).InstanceTypes, PolicyConfig.Defaults(Tier.Global).AllowedInstanceTypes);
    }

    [Fact]
    public void Keys_a_tier_does_not_read_are_not_read()
    {
        var keys = CommonKeys.All.Where(k => k != CommonKeys.PolicyExemptions && k != CommonKeys.AllowedInstanceTypes);
        var (config, errors) = ReadConfig(Tier.Dc9, keys, new());
        Assert.Empty(errors);
        Assert.Empty(config.Exemptions);
        Assert.Equal(TierPolicyProfile.For(Tier.Dc9).InstanceTypes, config.AllowedInstanceTypes);
    }

    [Fact]
    public void An_exemption_value_is_ignored_when_the_tier_does_not_register_the_key()
    {
        var keys = CommonKeys.All.Where(k => k != CommonKeys.PolicyExemptions);
        var (config, errors) = ReadConfig(Tier.Dc9, keys, new()
        {
            [CommonKeys.PolicyExemptions.FullName] = JsonNode.Parse("""[{"policy": "NOPE"}]""")!,
        });
        Assert.Empty(config.Exemptions);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_production_stack_passes_its_production_flag_on()
    {
        var (config, errors) = ReadConfig(Tier.Dc9, CommonKeys.All, new()
        {
            [CommonKeys.PolicyExemptions.FullName] = JsonNode.Parse("""[{"policy": "HYG-006", "resource": "a", "reason": "r"}]""")!,
        }, production: true);
        Assert.Empty(config.Exemptions);
        Assert.Contains("on a production stack", Assert.Single(errors).Problem);
    }
}
