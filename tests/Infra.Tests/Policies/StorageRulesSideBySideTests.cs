using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies.Inspection;
using Infra.Policies.Storage;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>Each storage rule with a compliant resource beside a non-compliant one, and its boundaries.</summary>
public sealed class StorageRulesSideBySideTests
{
    private static readonly Expr SseRules = List(Obj(("applyServerSideEncryptionByDefault", Obj(("sseAlgorithm", "aws:kms")))));

    private sealed class ReadBucket(Scope scope, string id)
        : Resource(scope, id, Tokens.BucketV2, ObjectExpr.Empty, null, new ResourceGet("existing-bucket"));

    // STO-001 ---------------------------------------------------------------------------------

    [Fact]
    public void Sto001_encryption_of_another_bucket_does_not_count()
    {
        var f = new PolicyFixture();
        var logs = f.Add("logs", Tokens.BucketV2);
        f.Add("site", Tokens.BucketV2);
        f.Add("logs-sse", Tokens.BucketEncryptionV2, ("bucket", Ref(logs)), ("rules", SseRules));
        f.AssertOne("STO-001", "site", "has no default encryption");
        Assert.Equal(2, f.Checked("STO-001"));
    }

    [Fact]
    public void Sto001_an_encryption_resource_needs_rules_and_the_right_type()
    {
        var f = new PolicyFixture();
        var a = f.Add("bucket-a", Tokens.Bucket);
        var b = f.Add("bucket-b", Tokens.BucketV2);
        var c = f.Add("bucket-c", Tokens.BucketV2);
        f.Add("bucket-a-sse", Tokens.BucketEncryption, ("bucket", Ref(a)), ("rules", SseRules));
        f.Add("bucket-b-sse", Tokens.BucketEncryptionV2, ("bucket", Ref(b)), ("rules", List()));
        f.Add("bucket-c-pab", Tokens.BucketPublicAccessBlock, ("bucket", Ref(c)), ("rules", SseRules));
        Assert.Equal(["bucket-b", "bucket-c"], f.Run("STO-001").Select(v => v.Subject).Order());
    }

    [Fact]
    public void Sto001_inline_encryption_counts_in_either_legacy_shape()
    {
        var f = new PolicyFixture();
        f.Add("legacy", Tokens.Bucket, ("serverSideEncryptionConfiguration", Obj(("rule", Obj()))));
        f.Add("list", Tokens.BucketV2, ("serverSideEncryptionConfigurations", List(Obj(("rules", SseRules)))));
        f.Add("empty-list", Tokens.BucketV2, ("serverSideEncryptionConfigurations", List()));
        f.Add("null-inline", Tokens.Bucket, ("serverSideEncryptionConfiguration", NullLiteral.Instance));
        Assert.Equal(["empty-list", "null-inline"], f.Run("STO-001").Select(v => v.Subject).Order());
    }

    [Fact]
    public void Sto001_and_Sto002_leave_buckets_read_from_the_cloud_alone()
    {
        var f = new PolicyFixture();
        _ = new ReadBucket(f.Blueprint, "shared-logs");
        f.AssertNone("STO-001");
        f.AssertNone("STO-002");
        Assert.Equal(0, f.Checked("STO-001"));
        Assert.Equal(0, f.Checked("STO-002"));
    }

    // STO-002 ---------------------------------------------------------------------------------

    [Fact]
    public void Sto002_a_public_access_block_of_another_bucket_does_not_count()
    {
        var f = new PolicyFixture();
        var logs = f.Add("logs", Tokens.BucketV2);
        f.Add("site", Tokens.Bucket);
        f.Add("logs-pab", Tokens.BucketPublicAccessBlock, ("bucket", Ref(logs)), ("blockPublicAcls", true),
            ("blockPublicPolicy", true), ("ignorePublicAcls", true), ("restrictPublicBuckets", true));
        f.AssertOne("STO-002", "site", "has no public access block");
        Assert.Equal(2, f.Checked("STO-002"));
    }

    public static TheoryData<string> Switches => new(BucketPublicAccessBlocked.Switches);

    [Theory]
    [MemberData(nameof(Switches))]
    public void Sto002_each_switch_must_be_on(string off)
    {
        var f = new PolicyFixture();
        var bucket = f.Add("logs", Tokens.BucketV2);
        var props = new List<(string, Expr)> { ("bucket", Ref(bucket)) };
        props.AddRange(BucketPublicAccessBlocked.Switches.Where(s => s != off).Select(s => (s, (Expr)true)));
        f.Add("logs-pab", Tokens.BucketPublicAccessBlock, props.ToArray());
        var violation = f.AssertOne("STO-002", "logs", $"has a public access block (logs-pab) with {off} not true.");
        Assert.Equal($"set {off} to true on logs-pab.", violation.Fix);
    }

    [Fact]
    public void Sto002_lists_every_switch_that_is_off()
    {
        var f = new PolicyFixture();
        var bucket = f.Add("logs", Tokens.BucketV2);
        f.Add("logs-pab", Tokens.BucketPublicAccessBlock, ("bucket", Ref(bucket)), ("blockPublicAcls", "true"), ("blockPublicPolicy", false),
            ("ignorePublicAcls", true));
        f.AssertOne("STO-002", "logs", "with blockPublicPolicy, restrictPublicBuckets not true");
    }

    // STO-003 ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("public-read")]
    [InlineData("public-read-write")]
    [InlineData("authenticated-read")]
    public void Sto003_flags_each_public_canned_acl_beside_a_private_one(string acl)
    {
        var f = new PolicyFixture();
        f.Add("private-bucket", Tokens.BucketV2, ("acl", "private"));
        f.Add("shared-bucket", Tokens.Bucket, ("acl", acl));
        f.Add("no-acl", Tokens.BucketV2);
        f.AssertOne("STO-003", "shared-bucket", $"grants access to everyone with acl: {acl}.");
        Assert.Equal(2, f.Checked("STO-003"));
    }

    [Fact]
    public void Sto003_log_delivery_and_a_null_acl_are_not_public()
    {
        var f = new PolicyFixture();
        f.Add("logs", Tokens.BucketV2, ("acl", "log-delivery-write"));
        f.Add("nulled", Tokens.BucketV2, ("acl", NullLiteral.Instance));
        f.AssertNone("STO-003");
        Assert.Equal(1, f.Checked("STO-003"));
    }

    // STO-004 ---------------------------------------------------------------------------------

    private static (string, Expr)[] Dlm(string? state, params (string, Expr)[] targetTags)
    {
        var props = new List<(string, Expr)>();
        if (state is not null) props.Add(("state", state));
        props.Add(("policyDetails", Obj(("targetTags", Obj(targetTags)))));
        return props.ToArray();
    }

    [Fact]
    public void Sto004_a_disabled_policy_snapshots_nothing()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"))));
        f.Add("snapshots", Tokens.DlmPolicy, Dlm("DISABLED", ("snapshot", "daily")));
        f.AssertOne("STO-004", "data-1", "no enabled DLM lifecycle policy");
    }

    [Fact]
    public void Sto004_a_volume_must_carry_all_of_a_policys_target_tags()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"), ("tier", "db"))));
        f.Add("data-2", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"))));
        f.Add("data-3", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"), ("tier", "web"))));
        f.Add("snapshots", Tokens.DlmPolicy, Dlm(null, ("snapshot", "daily"), ("tier", "db")));
        Assert.Equal(["data-2", "data-3"], f.Run("STO-004").Select(v => v.Subject).Order());
        Assert.Contains("carries none of the DLM policies' target tags", f.Run("STO-004")[0].Problem);
        Assert.Equal(3, f.Checked("STO-004"));
    }

    [Fact]
    public void Sto004_only_lifecycle_policies_snapshot()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"))));
        f.Add("lookalike", "aws:backup/plan:Plan", Dlm("ENABLED", ("snapshot", "daily")));
        f.AssertOne("STO-004", "data-1", "no enabled DLM lifecycle policy");
    }

    [Fact]
    public void Sto004_a_policy_without_target_tags_covers_nothing_and_any_enabled_policy_may_cover()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "weekly"))));
        f.Add("data-2", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"))));
        f.Add("empty", Tokens.DlmPolicy, Dlm("ENABLED"));
        f.Add("no-details", Tokens.DlmPolicy, ("state", "ENABLED"));
        f.Add("weekly", Tokens.DlmPolicy, Dlm("ENABLED", ("snapshot", "weekly")));
        f.AssertOne("STO-004", "data-2", "carries none of the DLM policies' target tags");
    }

    // STO-005 ---------------------------------------------------------------------------------

    public static TheoryData<string> DataStores => new(ProductionDataRetained.DataStores.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DataStores))]
    public void Sto005_flags_each_kind_of_store_beside_a_protected_one(string type)
    {
        var f = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Production);
        f.Add("kept", type, new ResourceOptions { Protect = true });
        f.Add("retained", type, new ResourceOptions { RetainOnDelete = true });
        f.Add("exposed", type, new ResourceOptions { Protect = false, RetainOnDelete = false });
        f.AssertOne("STO-005", "exposed", "holds production data but is neither protected nor retained on delete.");
        Assert.Equal(3, f.Checked("STO-005"));
    }

    [Fact]
    public void Sto005_only_a_true_ephemeral_tag_exempts_a_store()
    {
        var f = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Production);
        f.Add("scratch", Tokens.EbsVolume, ("tags", Obj(("ephemeral", "true"))));
        f.Add("maybe", Tokens.EbsVolume, ("tags", Obj(("ephemeral", "false"))));
        f.Add("cache", Tokens.DockerVolume, ("labels", List(Obj(("label", "ephemeral"), ("value", "yes")))));
        _ = new ReadBucket(f.Blueprint, "shared-logs");
        f.Add("server", Tokens.Instance);
        Assert.Equal(["cache", "maybe"], f.Run("STO-005").Select(v => v.Subject).Order());
        Assert.Equal(2, f.Checked("STO-005"));
    }

    [Fact]
    public void Sto005_applies_to_production_only()
    {
        var f = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Staging);
        f.Add("data", Tokens.EbsVolume);
        f.AssertNone("STO-005");
        Assert.Equal(0, f.Checked("STO-005"));
    }

    // STO-006 ---------------------------------------------------------------------------------

    private static ListExpr Labels(params (string Key, Expr Value)[] labels) =>
        List(labels.Select(l => (Expr)Obj(("label", l.Key), ("value", l.Value))).ToArray());

    private sealed class ReadVolume(Scope scope, string id)
        : Resource(scope, id, Tokens.DockerVolume, TestBlueprint.Props(("labels", Labels(("owner", "someone")))), null, new ResourceGet("old-volume"));

    [Fact]
    public void Sto006_flags_the_volume_with_an_owner_label_beside_one_with_lifetime_labels_only()
    {
        var f = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Dev);
        f.Add("pg-data", Tokens.DockerVolume, ("labels", Labels(("stack", "test"), ("tier", "onprem3"), ("ephemeral", "true"))));
        f.Add("pg-wal", Tokens.DockerVolume, ("labels", Labels(("stack", "test"), ("tier", "onprem3"), ("owner", "team-a"))));
        var violation = f.AssertOne("STO-006", "pg-wal",
            "carries the label 'owner', which changes with the stack's config; a change would replace the volume (Docker cannot relabel it) and lose its data or fail the update.");
        Assert.Equal("label it with StackIdentity.LifetimeTags (stack, tier) only.", violation.Fix);
        Assert.Equal(2, f.Checked("STO-006"));
    }

    [Fact]
    public void Sto006_names_every_changing_label_and_says_network_for_a_network()
    {
        var f = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Dev);
        f.Add("net", Tokens.DockerNetwork, ("labels", Labels(("environment", "dev"), ("owner", "team-a"), ("stack", "test"))));
        f.Add("quiet", Tokens.DockerNetwork, ("labels", Labels(("stack", "test"), ("tier", "onprem3"))));
        var problems = f.Run("STO-006").Select(v => $"{v.Subject}: {v.Problem}").ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("net: carries the label '", p));
        Assert.All(problems, p => Assert.Contains("would replace the network (Docker cannot relabel it)", p));
        Assert.Contains(problems, p => p.Contains("'environment'"));
        Assert.Contains(problems, p => p.Contains("'owner'"));
    }

    [Fact]
    public void Sto006_checks_only_volumes_and_networks_the_stack_creates()
    {
        var f = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Dev);
        _ = new ReadVolume(f.Blueprint, "old-data");
        f.Add("app", Tokens.DockerContainer, ("labels", Labels(("owner", "team-a"), ("stack", "test"), ("tier", "onprem3"))));
        f.Add("new-data", Tokens.DockerVolume, ("labels", Labels(("owner", "team-a"))));
        f.AssertOne("STO-006", "new-data", "carries the label 'owner'");
        Assert.Equal(1, f.Checked("STO-006"));
    }
}
