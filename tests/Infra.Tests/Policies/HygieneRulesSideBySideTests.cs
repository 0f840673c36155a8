using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies.Hygiene;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>Each hygiene rule with a compliant resource beside a non-compliant one, and its boundaries.</summary>
public sealed class HygieneRulesSideBySideTests
{
    private static ListExpr Labels(params (string Key, Expr Value)[] labels) =>
        List(labels.Select(l => (Expr)Obj(("label", l.Key), ("value", l.Value))).ToArray());

    private sealed class ReadVpc(Scope scope, string id)
        : Resource(scope, id, Tokens.Vpc, ObjectExpr.Empty, null, new ResourceGet("vpc-0123"));

    // HYG-001 ---------------------------------------------------------------------------------

    [Fact]
    public void Hyg001_flags_the_untagged_resource_beside_a_tagged_one_naming_every_missing_tag()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", f.Tags));
        f.Add("subnet", Tokens.Subnet, ("tags", Obj(("stack", "test"))));
        f.AssertOne("HYG-001", "subnet", "lacks the tier, owner tag(s).");
        Assert.Equal(2, f.Checked("HYG-001"));
    }

    [Fact]
    public void Hyg001_docker_resources_carry_labels()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("net", Tokens.DockerNetwork, ("labels", Labels(("stack", "test"), ("tier", "onprem3"))));
        f.Add("vol", Tokens.DockerVolume, ("labels", Labels(("stack", "test"))));
        var violation = f.AssertOne("HYG-001", "vol", "lacks the tier label(s).");
        Assert.Equal("set labels from StackIdentity.Tags.", violation.Fix);
    }

    /// <summary>Volumes and networks need no owner label (STO-006 forbids it); a container does.</summary>
    [Fact]
    public void Hyg001_a_container_needs_the_owner_label_a_volume_does_not()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("vol", Tokens.DockerVolume, ("labels", Labels(("stack", "test"), ("tier", "onprem3"))));
        f.Add("good", Tokens.DockerContainer, ("labels", Labels(("stack", "test"), ("tier", "onprem3"), ("owner", "team-a"))));
        f.Add("bad", Tokens.DockerContainer, ("labels", Labels(("stack", "test"), ("tier", "onprem3"))));
        f.AssertOne("HYG-001", "bad", "lacks the owner label(s).");
        Assert.Equal(3, f.Checked("HYG-001"));
    }

    [Fact]
    public void Hyg001_every_wrong_value_is_reported_and_values_known_only_at_deployment_are_not()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", Obj(("stack", "prod"), ("tier", "laptop"), ("owner", new Reference("owner")))));
        var violations = f.Run("HYG-001");
        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Problem == "has stack=prod in its tags, but the stack's stack is test.");
        Assert.Contains(violations, v => v.Problem == "has tier=laptop in its tags, but the stack's tier is dc9.");
    }

    [Fact]
    public void Hyg001_reports_missing_keys_first_then_wrong_values_in_stack_tier_owner_order()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", Obj(("owner", "someone"), ("tier", "laptop"))));
        Assert.Equal(["lacks the stack tag(s).", "has tier=laptop in its tags, but the stack's tier is dc9.",
                "has owner=someone in its tags, but the stack's owner is team-a."],
            f.Run("HYG-001").Select(v => v.Problem));
    }

    [Fact]
    public void Hyg001_checks_the_listed_types_and_any_aws_resource_with_tags_but_not_reads_providers_or_others()
    {
        var f = new PolicyFixture();
        f.Add("role", "aws:iam/role:Role");
        f.Add("odd", "aws:backup/vault:Vault", ("tags", Obj(("stack", "test"))));
        f.Add("plain", "aws:backup/plan:Plan");
        f.Add("pw", "random:index/randomPassword:RandomPassword", ("length", 16));
        f.Add("secret", "docker:index/secret:Secret");
        _ = new ReadVpc(f.Blueprint, "shared-vpc");
        Assert.Equal(["odd", "role", "secret"], f.Run("HYG-001").Select(v => v.Subject).Order());
        Assert.Equal(3, f.Checked("HYG-001"));
    }

    // HYG-002 ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-12-31", true)]
    [InlineData("weekend-teardown", true)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-1-5", false)]
    [InlineData("31.12.2026", false)]
    [InlineData("Weekend-Teardown", false)]
    public void Hyg002_an_expiry_is_a_date_or_the_weekend_marker(string value, bool valid)
    {
        var f = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Dev);
        f.Add("good", Tokens.Vpc, ("tags", Obj(("expiry", "2027-01-01"))));
        f.Add("tested", Tokens.Vpc, ("tags", Obj(("expiry", value))));
        if (valid) f.AssertNone("HYG-002");
        else f.AssertOne("HYG-002", "tested", $"has expiry={value}, which is neither a yyyy-MM-dd date nor weekend-teardown.");
    }

    [Fact]
    public void Hyg002_flags_the_resource_without_expiry_beside_one_with_it()
    {
        var f = new PolicyFixture(Tier.Global, DeploymentEnvironment.Dev);
        f.Add("vpc", Tokens.Vpc, ("tags", Obj(("expiry", new Reference("expiry")))));
        f.Add("subnet", Tokens.Subnet, ("tags", Obj(("stack", "test"))));
        f.Add("pw", "random:index/randomPassword:RandomPassword");
        f.AssertOne("HYG-002", "subnet", "has no expiry in its tags on a dev stack.");
        Assert.Equal(2, f.Checked("HYG-002"));
    }

    [Fact]
    public void Hyg002_applies_only_to_dev_stacks_of_tiers_that_cost_money_idle()
    {
        var staging = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Staging);
        staging.Add("vpc", Tokens.Vpc);
        Assert.Equal(0, staging.Checked("HYG-002"));

        var onprem = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Dev);
        onprem.Add("net", Tokens.DockerNetwork);
        Assert.Equal(0, onprem.Checked("HYG-002"));

        var dev = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Dev);
        dev.Add("net", Tokens.DockerNetwork, ("labels", Labels(("owner", "team-a"))));
        dev.AssertOne("HYG-002", "net", "has no expiry in its labels on a dev stack.");
    }

    // HYG-003 ---------------------------------------------------------------------------------

    [Fact]
    public void Hyg003_flags_the_unpinned_provider_beside_the_pinned_ones()
    {
        var f = new PolicyFixture();
        _ = new ProviderResource(f.Blueprint, "docker-old", "docker", "3.0.0");
        var violation = f.AssertOne("HYG-003", "docker-old", "uses docker 3.0.0, not the pinned");
        Assert.Contains("PinnedProviders.VersionOf(\"docker\")", violation.Fix);
        // The fixture's five providers (aws, docker, random, nomad, kubernetes) and the old one.
        Assert.Equal(6, f.Checked("HYG-003"));
    }

    [Fact]
    public void Hyg003_a_provider_without_a_version_is_unpinned()
    {
        var f = new PolicyFixture();
        f.Add("aws-loose", "pulumi:providers:aws");
        f.AssertOne("HYG-003", "aws-loose", "uses aws (no version), not the pinned");
    }

    // HYG-004 ---------------------------------------------------------------------------------

    [Fact]
    public void Hyg004_flags_the_floating_image_beside_pinned_ones()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("by-tag", Tokens.DockerRemoteImage, ("name", "docker.io/library/postgres:17.2-bookworm"));
        f.Add("by-digest", Tokens.DockerRemoteImage, ("name", "postgres@sha256:" + new string('a', 64)));
        f.Add("floating", Tokens.DockerContainer, ("image", "postgres"));
        var violation = f.AssertOne("HYG-004", "floating", "image postgres has no tag or digest");
        Assert.StartsWith("use a pinned image such as", violation.Fix);
        Assert.Equal(3, f.Checked("HYG-004"));
    }

    [Fact]
    public void Hyg004_reads_the_name_of_an_image_and_the_image_of_a_container()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("img", Tokens.DockerRemoteImage, ("name", "redis:latest"), ("image", "redis:7"));
        f.Add("app", Tokens.DockerContainer, ("image", "app:latest"), ("name", "app:1"));
        f.Add("bad", Tokens.DockerContainer, ("image", "Not An Image"));
        var violations = f.Run("HYG-004").OrderBy(v => v.Subject).ToList();
        Assert.Equal(["app", "bad", "img"], violations.Select(v => v.Subject));
        Assert.StartsWith("image app:latest uses the 'latest' tag", violations[0].Problem);
        Assert.Equal("image Not An Image is not a valid image reference.", violations[1].Problem);
        Assert.StartsWith("name redis:latest uses the 'latest' tag", violations[2].Problem);
    }

    // HYG-005 ---------------------------------------------------------------------------------

    // Written out rather than read from the rule's list, so a changed list entry is noticed.
    [Theory]
    [InlineData("unless-stopped")]
    [InlineData("always")]
    [InlineData("on-failure")]
    public void Hyg005_each_restarting_policy_passes_beside_one_that_does_not(string policy)
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("good", Tokens.DockerContainer, ("image", "x:1"), ("restart", policy));
        f.Add("bad", Tokens.DockerContainer, ("image", "x:1"), ("restart", "no"));
        f.Add("vol", Tokens.DockerVolume);
        f.AssertOne("HYG-005", "bad", "has restart policy no, so it stays down after a crash or reboot.");
        Assert.Equal(2, f.Checked("HYG-005"));
        Assert.Equal(3, ContainerRestartPolicy.Allowed.Count);
    }

    [Fact]
    public void Hyg005_a_restart_policy_known_only_at_deployment_is_not_judged()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("restart", new Reference("restartPolicy")));
        f.AssertNone("HYG-005");
    }

    // HYG-006 ---------------------------------------------------------------------------------

    [Fact]
    public void Hyg006_flags_the_disabled_probe_beside_a_shell_probe()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("good", Tokens.DockerContainer, ("image", "x:1"), ("healthcheck", Obj(("tests", List("CMD-SHELL", "pg_isready")))));
        f.Add("off", Tokens.DockerContainer, ("image", "x:1"), ("healthcheck", Obj(("tests", List("NONE")))));
        f.Add("empty", Tokens.DockerContainer, ("image", "x:1"), ("healthcheck", Obj(("tests", List()))));
        Assert.Equal(["empty", "off"], f.Run("HYG-006").Select(v => v.Subject).Order());
        Assert.Equal(3, f.Checked("HYG-006"));
    }

    // HYG-007 ---------------------------------------------------------------------------------

    [Fact]
    public void Hyg007_flags_the_literal_password_beside_harmless_environment_entries()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("db", Tokens.DockerContainer, ("image", "x:1"), ("envs", List(
            "POSTGRES_PASSWORD_FILE=/run/secrets/pw",
            "POSTGRES_PASSWORD=",
            "LOG_LEVEL=info",
            "NOEQUALS",
            "api_key=abc")));
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("envs", List("PLATFORM_SERVICES=gateway")));
        f.AssertOne("HYG-007", "db", "sets api_key to a literal in its environment.");
    }

    [Theory]
    [InlineData("PASSWD")]
    [InlineData("APP_SECRET")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("APIKEY")]
    [InlineData("PRIVATE_KEY")]
    [InlineData("AWS_ACCESS_KEY")]
    public void Hyg007_every_secret_like_variable_name_counts(string name)
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("envs", List($"{name}=x")));
        f.AssertOne("HYG-007", "app", $"sets {name} to a literal");
    }

    [Fact]
    public void Hyg007_finds_literal_secrets_inside_lists_and_leaves_empty_or_referenced_ones()
    {
        var f = new PolicyFixture();
        f.Add("thing", "aws:ec2/instance:Instance", ("users", List(Obj(("name", "a"), ("password", "x")), Obj(("password", "")))),
            ("clientSecret", new Reference("infra:clientSecret")), ("token", NullLiteral.Instance));
        f.AssertOne("HYG-007", "thing", "has a literal value in the secret property users[0].password.");
    }

    [Fact]
    public void Hyg007_spells_the_path_of_each_literal_secret_through_objects_and_nested_lists()
    {
        var f = new PolicyFixture();
        f.Add("thing", "aws:ec2/instance:Instance",
            ("password", "top"),
            ("groups", List("password", List("token", Obj(("token", "t"))), Obj(("members", List(Obj(("apiKey", "k"))))))),
            ("secret", List("not-a-keyed-literal")),
            ("config", Obj(("db", Obj(("password", "p"), ("name", "n"))), ("Secret", 1))));
        Assert.Equal(
            ["has a literal value in the secret property password.", "has a literal value in the secret property groups[1][1].token.",
                "has a literal value in the secret property groups[2].members[0].apiKey.", "has a literal value in the secret property config.db.password."],
            f.Run("HYG-007").Select(v => v.Problem));
    }

    [Fact]
    public void Hyg007_outputs_are_checked_by_name_and_counted()
    {
        var f = new PolicyFixture();
        f.Add("pw", "random:index/randomPassword:RandomPassword");
        f.Blueprint.Output("adminPassword", "hunter2");
        f.Blueprint.Output("emptyPassword", "");
        f.Blueprint.Output("appUrl", "http://x");
        f.AssertOne("HYG-007", "output:adminPassword", "exports a secret as a plain literal.");
        Assert.Equal(f.Blueprint.Resources.Count + 3, f.Checked("HYG-007"));
    }

    // HYG-008 ---------------------------------------------------------------------------------

    [Fact]
    public void Hyg008_flags_the_unlimited_container_beside_a_limited_one()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("good", Tokens.DockerContainer, ("image", "x:1"), ("memory", new Reference("appMemory")));
        f.Add("bad", Tokens.DockerContainer, ("image", "x:1"), ("memory", NullLiteral.Instance));
        f.Add("net", Tokens.DockerNetwork);
        f.AssertOne("HYG-008", "bad", "has no memory limit.");
        Assert.Equal(2, f.Checked("HYG-008"));
    }
}
