namespace Infra.Tests.OnPrem;

/// <summary>Every resource the onprem3 tier emits exists in the pinned provider schemas, with real properties and required inputs.</summary>
public sealed class OnPrem3SchemaTests
{
    [Fact]
    public void Path_repository_program_conforms_to_the_provider_schemas()
    {
        var problems = SchemaConformance.Load().Check(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig()));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void S3_repository_program_conforms_to_the_provider_schemas()
    {
        var config = OnPrem3Stack.With(
            ("infra:backupRepoType", "s3"), ("infra:backupRepoPath", null), ("infra:backupS3Bucket", "pg-backups"),
            ("infra:backupS3Endpoint", "s3.eu-west-1.amazonaws.com"), ("infra:backupS3Region", "eu-west-1"),
            ("infra:backupS3AccessKey", "x"), ("infra:backupS3SecretKey", "y"), ("infra:environment", "production"));
        var problems = SchemaConformance.Load().Check(OnPrem3Stack.Synthesize(config));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_checker_catches_a_misspelt_property_and_a_missing_required_input()
    {
        const string program = """
            resources:
              docker:
                type: pulumi:providers:docker
                options:
                  version: "5.2.0"
              box:
                type: docker:index/container:Container
                properties:
                  imagee: busybox
                  uploads:
                  - content: x
            """;
        var problems = SchemaConformance.Load().Check(program);
        Assert.Contains(problems, p => p.Contains("unknown property 'imagee'"));
        Assert.Contains(problems, p => p.Contains("required input 'image' is missing"));
        Assert.Contains(problems, p => p.Contains("uploads[0]: required input 'file' is missing"));
    }
}
