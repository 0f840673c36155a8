using Infra.Tests.SchemaConformance;

namespace Infra.Tests.OnPrem;

/// <summary>
/// Every resource the onprem3 tier emits exists in the pinned provider schemas, with real properties and
/// required inputs (the repository's stack is also covered by TierConformanceTests; these add the variants).
/// </summary>
public sealed class OnPrem3SchemaTests
{
    [Fact]
    public void Path_repository_program_conforms_to_the_provider_schemas() =>
        Conformance.AssertConforms(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig()));

    [Fact]
    public void S3_repository_production_program_conforms_to_the_provider_schemas()
    {
        var config = OnPrem3Stack.With(
            ("infra:backupRepoType", "s3"), ("infra:backupRepoPath", null), ("infra:backupS3Bucket", "pg-backups"),
            ("infra:backupS3Endpoint", "s3.eu-west-1.amazonaws.com"), ("infra:backupS3Region", "eu-west-1"),
            ("infra:backupS3AccessKey", "x"), ("infra:backupS3SecretKey", "y"), ("infra:environment", "production"),
            ("infra:hosts", """["10.20.0.11","10.20.0.12","10.20.0.13"]"""));
        Conformance.AssertConforms(OnPrem3Stack.Synthesize(config));
    }
}
