namespace Infra.Tests.SchemaConformance;

public sealed class ProviderSchemasTests
{
    [Fact]
    public void Missing_schema_folder_fails_loudly_and_names_the_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-shared-" + Guid.NewGuid().ToString("N"), "schemas");

        var error = Assert.Throws<SchemasNotFoundException>(() => new ProviderSchemas(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("'../shared' folder", error.Message);
        Assert.Contains("must sit beside the repository", error.Message);
        Assert.Contains("Schema conformance cannot be checked without it", error.Message);
    }

    [Fact]
    public void Schemas_are_read_beside_the_repository_or_else_from_its_subset()
    {
        var schemas = ProviderSchemas.Shared;

        var expected = System.IO.Directory.Exists(SchemaSource.SharedDirectory()) && !SchemaSource.SubsetForced
            ? Path.Combine("shared", "schemas")
            : Path.Combine("Providers", "Schemas");
        Assert.Equal(expected, Path.Combine(
            Path.GetFileName(Path.GetDirectoryName(schemas.Directory))!, Path.GetFileName(schemas.Directory)));
        Assert.Equal("7.48.0", schemas.Versions["aws"]);
        Assert.Equal("1.2.1", schemas.Versions["command"]);
    }

    [Fact]
    public void Without_shared_schemas_the_repository_subset_is_used()
    {
        using var root = new FakeRepository(withSubset: true);

        var source = SchemaSource.Locate(root.Path, forceSubset: false);

        Assert.True(source.IsSubset);
        Assert.Equal(System.IO.Path.Combine(root.Path, "components", "Providers", "Schemas"), source.Directory);
    }

    [Fact]
    public void With_neither_shared_schemas_nor_the_subset_the_tests_fail_naming_both()
    {
        using var root = new FakeRepository(withSubset: false);

        var error = Assert.Throws<SchemasNotFoundException>(() => SchemaSource.Locate(root.Path, forceSubset: false));

        Assert.Contains(System.IO.Path.Combine(root.Path, "components", "Providers", "Schemas"), error.Message);
        Assert.Contains(System.IO.Path.Combine("shared", "schemas"), error.Message);
        Assert.Contains("dotnet run --project tools/ProviderGen", error.Message);
    }

    /// <summary>A folder standing in for a repository root that has no ../shared beside it.</summary>
    private sealed class FakeRepository : IDisposable
    {
        public string Path { get; }

        public FakeRepository(bool withSubset)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infra-schema-source-" + Guid.NewGuid().ToString("N"), "repo");
            System.IO.Directory.CreateDirectory(Path);
            if (withSubset) System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Path, "components", "Providers", "Schemas"));
        }

        public void Dispose() => System.IO.Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }

    [Theory]
    [InlineData("aws:ec2/vpc:Vpc", "aws:ec2/vpc:Vpc")]
    [InlineData("aws:ec2:Vpc", "aws:ec2/vpc:Vpc")]
    [InlineData("aws:EC2/VPC:vpc", "aws:ec2/vpc:Vpc")]
    [InlineData("random:RandomPassword", "random:index/randomPassword:RandomPassword")]
    [InlineData("random:index:RandomPassword", "random:index/randomPassword:RandomPassword")]
    [InlineData("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment")]
    [InlineData("pulumi:providers:docker", "pulumi:providers:docker")]
    [InlineData("pulumi:pulumi:StackReference", "pulumi:pulumi:StackReference")]
    public void Resource_tokens_resolve_as_Pulumi_YAML_resolves_them(string written, string resolved)
    {
        Assert.Equal(resolved, ProviderSchemas.Shared.FindResource(written)?.Token);
    }

    [Theory]
    [InlineData("aws:ec2:NoSuchThing")]
    [InlineData("nosuchprovider:index:Thing")]
    [InlineData("pulumi:providers:nosuchprovider")]
    [InlineData("../aws:ec2:Vpc")]
    public void Unknown_resource_tokens_do_not_resolve(string written)
    {
        Assert.Null(ProviderSchemas.Shared.FindResource(written));
    }

    [Theory]
    [InlineData("aws:index/getAvailabilityZones:getAvailabilityZones")]
    [InlineData("aws:getAvailabilityZones")]
    [InlineData("aws:index:getAvailabilityZones")]
    public void Function_tokens_resolve_like_resource_tokens(string written)
    {
        Assert.Equal("aws:index/getAvailabilityZones:getAvailabilityZones", ProviderSchemas.Shared.FindFunction(written)?.Token);
    }

    [Fact]
    public void A_package_file_is_parsed_once_and_kept()
    {
        var schemas = ProviderSchemas.Shared;

        Assert.Same(schemas.Package("tls"), schemas.Package("tls"));
        Assert.Equal("5.6.1", schemas.Package("tls")!.Version);
    }

    [Fact]
    public void The_provider_resource_takes_the_provider_section()
    {
        var provider = ProviderSchemas.Shared.FindResource("pulumi:providers:aws")!;

        Assert.True(provider.Inputs.TryGetProperty("region", out _));
        Assert.Empty(provider.RequiredInputs);
    }
}
