using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

public sealed class StoragePolicyTests
{
    [Fact]
    public void Sto001_requires_bucket_encryption_inline_or_separate()
    {
        var f = new PolicyFixture();
        f.Add("logs", Tokens.BucketV2);
        f.AssertOne("STO-001", "logs", "has no default encryption");

        var ok = new PolicyFixture();
        var bucket = ok.Add("logs", Tokens.BucketV2);
        ok.Add("logs-sse", Tokens.BucketEncryptionV2, ("bucket", Ref(bucket)),
            ("rules", List(Obj(("applyServerSideEncryptionByDefault", Obj(("sseAlgorithm", "aws:kms")))))));
        ok.AssertNone("STO-001");
    }

    [Fact]
    public void Sto002_requires_all_four_public_access_switches()
    {
        var f = new PolicyFixture();
        f.Add("logs", Tokens.BucketV2);
        f.AssertOne("STO-002", "logs", "has no public access block");

        var partial = new PolicyFixture();
        var bucket = partial.Add("logs", Tokens.BucketV2);
        partial.Add("logs-pab", Tokens.BucketPublicAccessBlock, ("bucket", Ref(bucket)), ("blockPublicAcls", true),
            ("blockPublicPolicy", true), ("ignorePublicAcls", true), ("restrictPublicBuckets", false));
        partial.AssertOne("STO-002", "logs", "restrictPublicBuckets not true");

        var ok = new PolicyFixture();
        var good = ok.Add("logs", Tokens.BucketV2);
        ok.Add("logs-pab", Tokens.BucketPublicAccessBlock, ("bucket", Ref(good)), ("blockPublicAcls", true),
            ("blockPublicPolicy", true), ("ignorePublicAcls", true), ("restrictPublicBuckets", true));
        ok.AssertNone("STO-002");
    }

    [Fact]
    public void Sto003_forbids_public_canned_acls()
    {
        var f = new PolicyFixture();
        f.Add("site", Tokens.Bucket, ("acl", "public-read"));
        f.AssertOne("STO-003", "site", "acl: public-read");

        var ok = new PolicyFixture();
        ok.Add("site", Tokens.Bucket, ("acl", "private"));
        ok.AssertNone("STO-003");
    }

    [Fact]
    public void Sto004_requires_a_dlm_policy_targeting_each_data_volume()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"))));
        f.AssertOne("STO-004", "data-1", "no enabled DLM lifecycle policy");

        var untagged = new PolicyFixture();
        untagged.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "weekly"))));
        untagged.Add("snapshots", Tokens.DlmPolicy, ("policyDetails", Obj(("targetTags", Obj(("snapshot", "daily"))))));
        untagged.AssertOne("STO-004", "data-1", "carries none of the DLM policies' target tags");

        var ok = new PolicyFixture();
        ok.Add("data-1", Tokens.EbsVolume, ("tags", Obj(("snapshot", "daily"), ("stack", "test"))));
        ok.Add("snapshots", Tokens.DlmPolicy, ("state", "ENABLED"), ("policyDetails", Obj(("targetTags", Obj(("snapshot", "daily"))))));
        ok.AssertNone("STO-004");
    }

    [Fact]
    public void Sto005_requires_production_data_protected_or_retained()
    {
        var f = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Production);
        f.Add("db-data", Tokens.DockerVolume);
        f.AssertOne("STO-005", "db-data", "neither protected nor retained");

        var ok = new PolicyFixture(Tier.Dc9, DeploymentEnvironment.Production);
        ok.Add("db-data", Tokens.EbsVolume, new ResourceOptions { Protect = true });
        ok.Add("backups", Tokens.BucketV2, new ResourceOptions { RetainOnDelete = true });
        ok.AssertNone("STO-005");

        var scratch = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Production);
        scratch.Add("pg-run", Tokens.DockerVolume, ("labels", List(Obj(("label", "ephemeral"), ("value", "true")))));
        scratch.AssertNone("STO-005");

        var dev = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Dev);
        dev.Add("db-data", Tokens.DockerVolume);
        dev.AssertNone("STO-005");
    }

    [Fact]
    public void Sto006_refuses_labels_that_change_on_docker_volumes_and_networks()
    {
        static Expr Labels(params (string Key, string Value)[] labels) =>
            List(labels.Select(l => (Expr)Obj(("label", l.Key), ("value", l.Value))).ToArray());

        var f = new PolicyFixture(Tier.Laptop, DeploymentEnvironment.Dev);
        f.Add("db-data", Tokens.DockerVolume, ("labels", Labels(("owner", "team-a"), ("stack", "test"), ("tier", "laptop"))));
        f.AssertOne("STO-006", "db-data", "carries the label 'owner', which changes with the stack's config; a change would replace the volume");

        var network = new PolicyFixture(Tier.Laptop, DeploymentEnvironment.Dev);
        network.Add("net", Tokens.DockerNetwork, ("labels", Labels(("environment", "dev"), ("stack", "test"), ("tier", "laptop"))));
        network.AssertOne("STO-006", "net", "carries the label 'environment'");

        var ok = new PolicyFixture(Tier.OnPrem3, DeploymentEnvironment.Dev);
        ok.Add("pg-data", Tokens.DockerVolume, ("labels", Labels(("stack", "test"), ("tier", "onprem3"))));
        ok.Add("pg-run", Tokens.DockerVolume, ("labels", Labels(("stack", "test"), ("tier", "onprem3"), ("ephemeral", "true"))));
        // A container is replaced on any change anyway and holds no data: its owner label is fine.
        ok.Add("app", Tokens.DockerContainer, ("labels", Labels(("owner", "team-a"), ("stack", "test"), ("tier", "onprem3"))));
        ok.AssertNone("STO-006");
    }
}
