using Infra.Policies.Cloud.Constraints;
using Infra.Tests.Support;

namespace Infra.Tests.Cloud;

/// <summary>The committed extract itself, without botocore: complete, exact, canonical, and usable.</summary>
public sealed class AwsApiModelTests
{
    [Fact]
    public void The_extract_holds_exactly_the_shapes_the_policies_use()
    {
        var inFile = AwsApiModel.Shapes.Select(s => s.Id).Order(Comparer<ShapeId>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))).ToList();
        var used = AwsApiShapes.All.Order(Comparer<ShapeId>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))).ToList();
        Assert.Equal(used, inFile);
        Assert.StartsWith("botocore ", AwsApiModel.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_file_is_in_canonical_form_and_is_what_is_embedded()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, AwsApiModel.RepositoryPath));
        var (origin, shapes) = AwsApiModel.Parse(text);
        Assert.Equal(text, AwsApiModel.Serialize(origin, shapes));
        Assert.Equal(shapes.OrderBy(s => s.Id.ToString(), StringComparer.Ordinal), AwsApiModel.Shapes.OrderBy(s => s.Id.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public void Every_pattern_of_the_extract_compiles_as_dotnet_regex()
    {
        foreach (var shape in AwsApiModel.Shapes.Where(s => s.Pattern is not null))
            _ = ApiPattern.Compile(shape.Pattern!);
    }

    [Fact]
    public void The_elbv2_tag_value_shape_is_the_one_aws_documents()
    {
        // The issue quotes it: ELBv2 tag values must match ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ and are at most 256 characters.
        var shape = AwsApiModel.Get(AwsApiShapes.ElbTagValue);
        Assert.Equal(@"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$", shape.Pattern);
        Assert.Equal(256, shape.Max);
        Assert.Contains("AWS API model elbv2", shape.Source, StringComparison.Ordinal);
    }
}
