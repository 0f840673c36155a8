using Infra.Policies.Cloud.Constraints;
using Infra.Tests.Support;

namespace Infra.Tests.Cloud;

/// <summary>
/// The committed extract of the AWS API models matches the installed botocore, shape for shape. With
/// UPDATE_AWS_SHAPES=1 the test rewrites the extract instead (review the diff like code).
/// </summary>
public sealed class AwsApiModelDriftTests
{
    private static string ExtractPath => Path.Combine(RepoPaths.Root, AwsApiModel.RepositoryPath);

    [BotocoreFact]
    public void The_committed_extract_matches_the_installed_aws_api_models()
    {
        var data = Botocore.DataDirectory!;
        var extracted = BotocoreExtractor.Extract(data);
        if (Environment.GetEnvironmentVariable("UPDATE_AWS_SHAPES") == "1")
        {
            File.WriteAllText(ExtractPath, extracted);
            return;
        }
        var committed = AwsApiModel.Parse(File.ReadAllText(ExtractPath));
        var installed = AwsApiModel.Parse(extracted);
        // Compare the shapes, not the origin line: another botocore version with the same shapes is no drift.
        var drift = installed.Shapes.Zip(committed.Shapes)
            .Where(p => p.First != p.Second)
            .Select(p => $"  {p.First.Service}/{p.First.Name}: committed {Describe(p.Second)}, {installed.Origin} says {Describe(p.First)}")
            .ToList();
        if (installed.Shapes.Count != committed.Shapes.Count)
            drift.Add($"  the extract has {committed.Shapes.Count} shapes, AwsApiShapes lists {installed.Shapes.Count}");
        Assert.True(drift.Count == 0,
            $"{AwsApiModel.RepositoryPath} ({committed.Origin}) differs from the AWS API models of {installed.Origin} in {data}:\n" +
            string.Join("\n", drift) + "\n" +
            "If the models changed, review what the change means for the policies, then regenerate with " +
            "UPDATE_AWS_SHAPES=1 dotnet test Infra.sln --filter FullyQualifiedName~AwsApiModelDrift and review the diff.");
        Assert.Equal(extracted.Replace(installed.Origin, committed.Origin, StringComparison.Ordinal), File.ReadAllText(ExtractPath));
    }

    [Fact]
    public void The_drift_check_names_what_it_could_not_check_when_botocore_is_missing()
    {
        // The skip reason is the whole report when the models are absent: it must say what was not checked and how to fix it.
        Assert.Contains(AwsApiModel.RepositoryPath, Botocore.NotFoundMessage, StringComparison.Ordinal);
        Assert.Contains("NOT compared", Botocore.NotFoundMessage, StringComparison.Ordinal);
        Assert.Contains("python3-botocore", Botocore.NotFoundMessage, StringComparison.Ordinal);
    }

    private static string Describe(ApiShape s) =>
        $"{s.Type} {s.Version} min={s.Min?.ToString() ?? "-"} max={s.Max?.ToString() ?? "-"} pattern={s.Pattern ?? "-"}";
}
