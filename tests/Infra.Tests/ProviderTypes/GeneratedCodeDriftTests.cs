using Infra.Tests.SchemaConformance;
using Infra.Tools.ProviderGen;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// The generated provider types and the schema subset are committed and reviewed like snapshots;
/// these tests regenerate them in memory and fail on any difference, saying how to regenerate.
/// </summary>
public sealed class GeneratedCodeDriftTests
{
    [Fact]
    public void The_generated_provider_types_match_the_allow_list_and_the_schemas()
    {
        var files = ProviderGeneration.From(SchemaSource.Locate().Directory);

        var drift = ProviderGeneration.Drift(files, SourceWriter.GeneratedFolder);

        Assert.True(drift.Count == 0, $"components/Providers/Generated is out of date. {ProviderGeneration.Describe(drift)}");
    }

    [RequiresSharedSchemasFact]
    public void The_schema_subset_matches_the_shared_schemas()
    {
        var files = ProviderGeneration.From(SchemaSource.SharedDirectory());

        var drift = ProviderGeneration.Drift(files, SchemaSubsetWriter.SubsetFolder);

        Assert.True(drift.Count == 0,
            $"components/Providers/Schemas no longer matches ../shared/schemas for the allow-listed tokens. {ProviderGeneration.Describe(drift)}");
    }

    /// <summary>
    /// The subset is closed and stable: generating from it alone gives the same code and the same subset,
    /// so a clone without ../shared checks everything this repository checks.
    /// </summary>
    [Fact]
    public void The_schema_subset_alone_regenerates_the_same_code_and_subset()
    {
        var files = ProviderGeneration.From(ProviderGeneration.SubsetDirectory);

        var drift = ProviderGeneration.Drift(files, SourceWriter.GeneratedFolder)
            .Concat(ProviderGeneration.Drift(files, SchemaSubsetWriter.SubsetFolder)).ToList();

        Assert.True(drift.Count == 0, $"Generating from components/Providers/Schemas alone differs. {ProviderGeneration.Describe(drift)}");
    }
}
