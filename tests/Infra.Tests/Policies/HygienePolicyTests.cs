using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

public sealed class HygienePolicyTests
{
    private static ListExpr Labels(params (string Key, string Value)[] labels) =>
        List(labels.Select(l => (Expr)Obj(("label", l.Key), ("value", l.Value))).ToArray());

    [Fact]
    public void Hyg001_requires_stack_tier_owner_tags_with_the_stacks_values()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", Obj(("stack", "test"), ("tier", "dc9"))));
        f.AssertOne("HYG-001", "vpc", "lacks the owner tag");

        var wrong = new PolicyFixture(Tier.Laptop);
        wrong.Add("net", Tokens.DockerNetwork, ("labels", Labels(("stack", "other"), ("tier", "laptop"), ("owner", "team-a"))));
        wrong.AssertOne("HYG-001", "net", "has stack=other in its labels, but the stack's stack is test");

        var ok = new PolicyFixture();
        ok.Add("vpc", Tokens.Vpc, ("tags", ok.Tags));
        ok.Add("net", Tokens.DockerNetwork, ("labels", Labels(("owner", "team-a"), ("stack", "test"), ("tier", "dc9"))));
        ok.Add("image", Tokens.DockerRemoteImage, ("name", "x:1")); // not taggable
        ok.AssertNone("HYG-001");
    }

    [Fact]
    public void Hyg001_asks_docker_volumes_and_networks_only_for_their_lifetime_labels()
    {
        // Their labels cannot change without replacing them (STO-006), so the owner label is not required.
        var ok = new PolicyFixture(Tier.Laptop);
        ok.Add("data", Tokens.DockerVolume, ("labels", Labels(("stack", "test"), ("tier", "laptop"))));
        ok.Add("net", Tokens.DockerNetwork, ("labels", Labels(("stack", "test"), ("tier", "laptop"))));
        ok.AssertNone("HYG-001");

        var container = new PolicyFixture(Tier.Laptop);
        container.Add("app", Tokens.DockerContainer, ("labels", Labels(("stack", "test"), ("tier", "laptop"))));
        container.AssertOne("HYG-001", "app", "lacks the owner label");

        var unlabelled = new PolicyFixture(Tier.Laptop);
        unlabelled.Add("data", Tokens.DockerVolume);
        unlabelled.AssertOne("HYG-001", "data", "lacks the stack, tier label");
    }

    [Fact]
    public void Hyg001_counts_the_aws_providers_default_tags_and_sees_overrides()
    {
        var f = new PolicyFixture();
        var provider = new Infra.Providers.Generated.Aws.AwsProvider(f.Blueprint, "aws-tagged", new()
        {
            DefaultTags = new() { Tags = new Dictionary<string, Input<string>> { ["stack"] = "test", ["tier"] = "dc9", ["owner"] = "team-a" } },
        });
        var options = new ResourceOptions { Provider = provider };
        f.Add("vpc", Tokens.Vpc, options, ("tags", Obj(("Name", "test-vpc"))));
        f.Add("public-a", Tokens.Subnet, options, ("tags", Obj(("tier", "public"))));
        f.AssertOne("HYG-001", "public-a", "has tier=public in its tags, but the stack's tier is dc9");
    }

    [Fact]
    public void Hyg002_requires_an_expiry_date_on_dev_stacks_of_cloud_tiers()
    {
        var f = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Dev);
        f.Add("vpc", Tokens.Vpc, ("tags", Obj(("stack", "test"))));
        f.AssertOne("HYG-002", "vpc", "has no expiry in its tags on a dev stack");

        var bad = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Dev);
        bad.Add("vpc", Tokens.Vpc, ("tags", Obj(("expiry", "next friday"))));
        bad.AssertOne("HYG-002", "vpc", "neither a yyyy-MM-dd date nor weekend-teardown");

        var ok = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Dev);
        ok.Add("vpc", Tokens.Vpc, ("tags", ok.Tags));
        ok.AssertNone("HYG-002");

        var scheduled = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Dev);
        scheduled.Add("vpc", Tokens.Vpc, ("tags", Obj(("expiry", "weekend-teardown"))));
        scheduled.AssertNone("HYG-002");

        var laptop = new PolicyFixture(Tier.Laptop, DeploymentEnvironment.Dev);
        laptop.Add("net", Tokens.DockerNetwork);
        laptop.AssertNone("HYG-002");
    }

    [Fact]
    public void Hyg003_requires_providers_at_the_pinned_version()
    {
        var f = new PolicyFixture();
        _ = new ProviderResource(f.Blueprint, "aws-old", "aws", "6.0.0");
        f.AssertOne("HYG-003", "aws-old", "uses aws 6.0.0, not the pinned 7.48.0");

        var unknown = new PolicyFixture();
        _ = new ProviderResource(unknown.Blueprint, "gcp", "gcp", "8.0.0");
        unknown.AssertOne("HYG-003", "gcp", "which the suite does not pin");

        new PolicyFixture().AssertNone("HYG-003");
    }

    [Fact]
    public void Hyg004_requires_pinned_images()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("img", Tokens.DockerRemoteImage, ("name", "nginx:latest"));
        f.AssertOne("HYG-004", "img", "uses the 'latest' tag");

        var bare = new PolicyFixture(Tier.Laptop);
        bare.Add("app", Tokens.DockerContainer, ("image", "docker.io/library/nginx"));
        bare.AssertOne("HYG-004", "app", "has no tag or digest");

        var ok = new PolicyFixture(Tier.Laptop);
        var img = ok.Add("img", Tokens.DockerRemoteImage, ("name", "docker.io/library/nginx:1.27.3"));
        ok.Add("app", Tokens.DockerContainer, ("image", Ref(img, "imageId")));
        ok.AssertNone("HYG-004");
    }

    [Fact]
    public void Hyg005_requires_a_restart_policy()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("restart", "no"));
        f.AssertOne("HYG-005", "app", "has restart policy no");

        var none = new PolicyFixture(Tier.Laptop);
        none.Add("app", Tokens.DockerContainer, ("image", "x:1"));
        none.AssertOne("HYG-005", "app", "(none)");

        var ok = new PolicyFixture(Tier.Laptop);
        ok.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("restart", "unless-stopped"));
        ok.AssertNone("HYG-005");
    }

    [Fact]
    public void Hyg006_requires_a_real_health_check()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"));
        f.AssertOne("HYG-006", "app", "has no health check");

        var off = new PolicyFixture(Tier.Laptop);
        off.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("healthcheck", Obj(("tests", List("NONE")))));
        off.AssertOne("HYG-006", "app", "disables the image's health check");

        var ok = new PolicyFixture(Tier.Laptop);
        ok.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("healthcheck", Obj(("tests", List("CMD", "true")))));
        ok.AssertNone("HYG-006");
    }

    [Fact]
    public void Hyg007_flags_literal_secrets_in_env_properties_and_outputs()
    {
        var env = new PolicyFixture(Tier.Laptop);
        env.Add("db", Tokens.DockerContainer, ("image", "x:1"), ("envs", List("POSTGRES_USER=app", "POSTGRES_PASSWORD=hunter2")));
        env.AssertOne("HYG-007", "db", "sets POSTGRES_PASSWORD to a literal");

        var prop = new PolicyFixture();
        prop.Add("rds", Tokens.RdsInstance, ("username", "app"), ("password", "hunter2"));
        prop.AssertOne("HYG-007", "rds", "secret property password");

        var nested = new PolicyFixture();
        nested.Add("thing", "aws:ec2/instance:Instance", ("options", Obj(("auth", Obj(("apiToken", "abc"))))));
        nested.AssertOne("HYG-007", "thing", "options.auth.apiToken");

        var output = new PolicyFixture();
        output.Blueprint.Output("dbPassword", "hunter2");
        output.AssertOne("HYG-007", "output:dbPassword", "exports a secret as a plain literal");
    }

    [Fact]
    public void Hyg007_passes_secrets_from_references_and_fn_secret()
    {
        var f = new PolicyFixture(Tier.Laptop);
        var password = f.Add("pw", "random:index/randomPassword:RandomPassword", ("length", 32));
        var secret = new FunctionCall("fn::secret", new Interpolation([new StringLiteral("POSTGRES_PASSWORD="), Ref(password, "result")]));
        f.Add("db", Tokens.DockerContainer, ("image", "x:1"), ("envs", List("POSTGRES_PASSWORD_FILE=/run/secrets/pw", secret)));
        f.Add("rds", Tokens.RdsInstance, ("password", new Reference("infra:dbPassword")));
        f.Blueprint.Output("dbPassword", Ref(password, "result"));
        f.AssertNone("HYG-007");
    }

    [Fact]
    public void Hyg008_advises_a_memory_limit()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"));
        Assert.Equal(Infra.Policies.Severity.Advisory, f.AssertOne("HYG-008", "app", "has no memory limit").Severity);

        var ok = new PolicyFixture(Tier.Laptop);
        ok.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("memory", 512));
        ok.AssertNone("HYG-008");
    }
}
