using Infra.Platform;
using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// A violation's fix is what the reader acts on: the exact text of the ones that carry values (a resource's name, a list
/// of switches or Services), so that a dropped separator or value cannot pass unseen.
/// </summary>
public sealed class PolicyFixTextTests
{
    [Fact]
    public void Sto001_says_which_resource_to_add_and_how_it_points_at_the_bucket()
    {
        var f = new PolicyFixture();
        f.Add("logs", Tokens.BucketV2);
        var violation = f.AssertOne("STO-001", "logs", "has no default encryption.");
        Assert.Equal(
            $"add an {Tokens.BucketEncryptionV2} with bucket: ${{logs.id}} and rules: " +
            "[{applyServerSideEncryptionByDefault: {sseAlgorithm: aws:kms}, bucketKeyEnabled: true}].", violation.Fix);
    }

    [Fact]
    public void Sto002_lists_every_switch_to_turn_on()
    {
        var f = new PolicyFixture();
        f.Add("logs", Tokens.BucketV2);
        var missing = f.AssertOne("STO-002", "logs", "has no public access block.");
        Assert.Equal($"add an {Tokens.BucketPublicAccessBlock} with bucket: ${{logs.id}} and " +
                     "blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets all true.", missing.Fix);

        var partial = new PolicyFixture();
        var bucket = partial.Add("logs", Tokens.BucketV2);
        partial.Add("logs-block", Tokens.BucketPublicAccessBlock, ("bucket", Ref(bucket)), ("blockPublicAcls", true), ("ignorePublicAcls", true));
        var off = partial.AssertOne("STO-002", "logs", "has a public access block (logs-block) with blockPublicPolicy, restrictPublicBuckets not true.");
        Assert.Equal("set blockPublicPolicy, restrictPublicBuckets to true on logs-block.", off.Fix);
    }

    [Fact]
    public void Plt001_names_the_services_the_stack_runs()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("command", List("--http-addr=:8080")), ("envs", List("PLATFORM_SERVICES=billing")));
        var violations = f.Run("PLT-001");
        Assert.Contains(violations, v => v.Fix == "pass --services=<csv> from the server's placement (BinaryLaunch.Render), e.g. --services=gateway,accounts,events.");
        Assert.Contains(violations, v => v.Problem == "lists Service 'billing', which this stack does not run." &&
                                         v.Fix == "use Services of infra:services (gateway, accounts, events), or add 'billing' to the stack.");
    }

    /// <summary>The binary runs in each kind of Kubernetes workload; its command and args are one command line.</summary>
    [Theory]
    [InlineData("kubernetes:apps/v1:Deployment")]
    [InlineData("kubernetes:apps/v1:StatefulSet")]
    [InlineData("kubernetes:apps/v1:DaemonSet")]
    public void Plt001_reads_each_kind_of_workload_and_joins_command_and_args_with_a_space(string kind)
    {
        static ObjectExpr Workload(string services) => Obj(("spec", Obj(("template", Obj(("spec", Obj(("containers", List(Obj(
            ("name", "platform"), ("image", "platform:1"),
            ("command", List("--services=" + services)), ("args", List("--http-addr=:8080")),
            ("env", List(Obj(("name", "PLATFORM_SERVICES"), ("value", services))))))))))))));

        var good = new PolicyFixture(Tier.Global);
        good.Add("ok", kind, ("spec", (Expr)Workload("gateway")["spec"]!));
        good.AssertNone("PLT-001");
        Assert.Equal(1, good.Checked("PLT-001"));

        var bad = new PolicyFixture(Tier.Global);
        bad.Add("bad", kind, ("spec", (Expr)Workload("billing")["spec"]!));
        bad.AssertOne("PLT-001", "bad", "lists Service 'billing', which this stack does not run.");
    }
}
