using Infra.Policies.Cloud;
using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>
/// CLD-002 checks a tag set's rules first (<see cref="AwsTagsAccepted.Accepts"/>) and words findings only when that
/// fails: the quick answer must be "accepted" exactly when the worded check finds nothing, on every edge of every rule.
/// </summary>
public sealed class TagFastPathTests
{
    private const string ListenerRule = "aws:lb/listenerRule:ListenerRule";

    public static TheoryData<string, string, string?> TrickyTags() => new()
    {
        { Tokens.Vpc, "Name", "plain" },
        { Tokens.Vpc, "", "empty key" },
        { Tokens.Vpc, "aws:x", "reserved prefix" },
        { Tokens.Vpc, "AwS:x", "reserved prefix in another case" },
        { Tokens.Vpc, "awsx", "no colon: not the prefix" },
        { Tokens.Vpc, new string('k', 128), "v" },
        { Tokens.Vpc, new string('k', 129), "v" },
        { Tokens.Vpc, "k", new string('v', 256) },
        { Tokens.Vpc, "k", new string('v', 257) },
        { Tokens.Vpc, "k", "" },
        { Tokens.Vpc, "k", "api/ -> gateway" },
        { Tokens.Vpc, string.Concat(Enumerable.Repeat("\U0001F600", 128)), "128 characters, 256 UTF-16 units" },
        { Tokens.Vpc, string.Concat(Enumerable.Repeat("\U0001F600", 129)), "v" },
        { Tokens.Vpc, "k", null },
        { ListenerRule, "k", "api/ -> gateway" },
        { ListenerRule, "k", null },
        { ListenerRule, "k", new string('v', 257) },
        { ListenerRule, "k<", "v" },
        { ListenerRule, "k", "a b_c.d:e/f=g+h-i@j" },
        { "aws:iam/role:Role", "team", "a&b" },
        { "aws:cloudwatch/logGroup:LogGroup", "team", "a;b" },
        { "aws:acm/certificate:Certificate", "team", "a,b" },
        { "aws:dlm/lifecyclePolicy:LifecyclePolicy", "team@x", "any value" },
        { "aws:dlm/lifecyclePolicy:LifecyclePolicy", "team", "any <value>" },
    };

    [Theory]
    [MemberData(nameof(TrickyTags))]
    public void Accepts_exactly_the_tags_the_worded_check_finds_nothing_in(string type, string key, string? value)
    {
        var f = new PolicyFixture();
        f.Add("r", type, ("tags", Obj(("Name", "r"), (key, value is null ? Ref(f.Add("other", Tokens.Vpc)) : value))));
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Name"] = "r", [key] = value };

        Assert.Equal(f.Run("CLD-002").All(v => v.Subject != "r"), AwsTagsAccepted.Accepts(type, tags));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Accepts_at_most_50_tags(int count, bool accepted)
    {
        var tags = Enumerable.Range(0, count).ToDictionary(i => $"k{i:D2}", string? (_) => "v", StringComparer.Ordinal);
        Assert.Equal(accepted, AwsTagsAccepted.Accepts(Tokens.Vpc, tags));

        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", Obj([.. tags.Select(t => (t.Key, (Expr)t.Value!))])));
        Assert.Equal(accepted, f.Run("CLD-002").Count == 0);
    }

    [Fact]
    public void A_launch_templates_tag_specifications_take_the_same_two_passes()
    {
        var f = new PolicyFixture();
        f.Add("lt", Tokens.LaunchTemplate, ("tagSpecifications", List(
            Obj(("resourceType", "instance"), ("tags", Obj(("Name", "fine")))),
            Obj(("resourceType", "volume"), ("tags", Obj(("aws:x", "y"), ("k", new string('v', 257))))))));
        var found = f.Run("CLD-002");
        Assert.Equal(["tagSpecifications[1].tags.aws:x", "tagSpecifications[1].tags.k"], found.Select(v => v.Property));
    }
}
