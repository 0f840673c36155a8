using Infra.Policies.Cloud.Constraints;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>
/// The lookups CLD-001 and CLD-003 make for every AWS resource: specs and text fields found by type agree with the
/// lists they come from, and property paths are followed as a plain reading of the path says (a model, below).
/// </summary>
public sealed class ConstraintLookupTests
{
    [Fact]
    public void Text_fields_by_type_are_the_listed_ones_in_order()
    {
        foreach (var type in AwsTextFields.All.Select(f => f.Type).Distinct())
            Assert.Equal(AwsTextFields.All.Where(f => f.Type == type), AwsTextFields.For(type));
        Assert.Equal(3, AwsTextFields.For("aws:ec2/securityGroup:SecurityGroup").Count);
        Assert.Empty(AwsTextFields.For("aws:ec2/vpc:Vpc"));
        Assert.Empty(AwsTextFields.For(""));
    }

    [Fact]
    public void Name_specs_by_type_are_the_first_listed()
    {
        foreach (var spec in AwsNames.Specs)
            Assert.Same(AwsNames.Specs.First(s => s.Type == spec.Type), AwsNames.For(spec.Type));
        Assert.Null(AwsNames.For("aws:ec2/vpc:Vpc"));
        Assert.Null(AwsNames.For("AWS:EC2/SECURITYGROUP:SECURITYGROUP"));
    }

    /// <summary>The reading of a path the walk must agree with: each segment applied to every value found so far.</summary>
    private static List<(string Path, Expr Value)> Model(Expr? root, string path)
    {
        List<(string Path, Expr? Value)> current = [("", root)];
        foreach (var segment in path.Split('.'))
        {
            var each = segment.EndsWith("[]", StringComparison.Ordinal);
            var key = each ? segment[..^2] : segment;
            var next = new List<(string, Expr?)>();
            foreach (var (at, value) in current)
            {
                if (value is not ObjectExpr obj) continue;
                var here = at.Length == 0 ? key : $"{at}.{key}";
                if (!each) next.Add((here, obj[key]));
                else if (obj[key] is ListExpr list) next.AddRange(list.Items.Select((item, i) => ($"{here}[{i}]", (Expr?)item)));
            }
            current = next;
        }
        return current.Where(c => c.Value is not (null or NullLiteral)).Select(c => (c.Path, c.Value!)).ToList();
    }

    private static readonly ObjectExpr Sample = Obj(
        ("description", "group"),
        ("nothing", NullLiteral.Instance),
        ("ingress", List(Obj(("description", "a")), Obj(("protocol", "tcp")), "not-an-object", Obj(("description", NullLiteral.Instance)),
            Obj(("description", Obj(("deep", "d")))))),
        ("policyDetails", Obj(("schedules", List(Obj(("name", "daily"), ("tags", List(Obj(("k", "1")), Obj(("k", "2"))))), Obj(("name", "weekly")))))),
        ("", Obj(("", "empty keys"), ("x", List("p", "q")))),
        ("lists", List(List(Obj(("a", "1"))))),
        ("text", "plain"));

    [Theory]
    [InlineData("description")]
    [InlineData("nothing")]
    [InlineData("missing")]
    [InlineData("ingress")]
    [InlineData("ingress[]")]
    [InlineData("ingress[].description")]
    [InlineData("ingress[].description.deep")]
    [InlineData("ingress[].protocol")]
    [InlineData("description[]")]
    [InlineData("text.more")]
    [InlineData("policyDetails.schedules[].name")]
    [InlineData("policyDetails.schedules[].tags[].k")]
    [InlineData("policyDetails.schedules[]")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".x")]
    [InlineData("..x[]")]
    [InlineData(".x[]")]
    [InlineData("[]")]
    [InlineData("description.")]
    [InlineData("lists[]")]
    [InlineData("lists[].a")]
    [InlineData("ingress[][]")]
    public void Property_paths_are_followed_as_the_model_reads_them(string path)
    {
        var expected = Model(Sample, path);
        Assert.Equal(expected, PropertyPaths.Values(Sample, path));
        Assert.Equal(Model(null, path), PropertyPaths.Values(null, path));
        Assert.Equal(Model(new StringLiteral("x"), path), PropertyPaths.Values(new StringLiteral("x"), path));
    }

    [Fact]
    public void Property_paths_spell_each_item_they_pass()
    {
        Assert.Equal(["ingress[0].description", "ingress[4].description"], PropertyPaths.Values(Sample, "ingress[].description").Select(v => v.Path));
        Assert.Equal(["policyDetails.schedules[0].tags[0].k", "policyDetails.schedules[0].tags[1].k"],
            PropertyPaths.Values(Sample, "policyDetails.schedules[].tags[].k").Select(v => v.Path));
        Assert.Equal(["x[0]", "x[1]"], PropertyPaths.Values(Sample, ".x[]").Select(v => v.Path)); // an empty key adds no dot
        Assert.Empty(PropertyPaths.Values(Sample, "text.more"));
    }
}
