using Infra.Policies.Cloud.Constraints;

namespace Infra.Tests.Cloud;

/// <summary>AWS model patterns read as the services apply them: whole values, Java semantics.</summary>
public sealed class ApiPatternTests
{
    [Fact]
    public void A_pattern_must_match_the_whole_value()
    {
        Assert.Matches(@"[\w+=,.@-]+", "fleet role"); // a search finds "fleet"...
        Assert.False(ApiPattern.Matches(@"[\w+=,.@-]+", "fleet role")); // ...but IAM refuses the name
        Assert.True(ApiPattern.Matches(@"[\w+=,.@-]+", "fleet+role=a,b.c@d-e_f"));
    }

    [Fact]
    public void An_alternation_is_anchored_as_a_whole()
    {
        // IAM pathType: '/' alone, or '/.../'. A naive ^…$ would bind the anchors to the alternatives and accept "/a".
        const string path = @"(\u002F)|(\u002F[\u0021-\u007F]+\u002F)";
        Assert.Matches("^" + path + "$", "/a");
        Assert.False(ApiPattern.Matches(path, "/a"));
        Assert.True(ApiPattern.Matches(path, "/"));
        Assert.True(ApiPattern.Matches(path, "/infra/dc9/"));
    }

    [Fact]
    public void Word_and_digit_classes_are_ascii_as_in_java()
    {
        Assert.Matches(@"^\w$", "é"); // .NET's \w takes any letter
        Assert.False(ApiPattern.Matches(@"\w+", "é"));
        Assert.False(ApiPattern.Matches(@"[\w]+", "é"));
        Assert.False(ApiPattern.Matches(@"\d", "٣")); // an Arabic-Indic digit
        Assert.True(ApiPattern.Matches(@"[\w-]+\d", "a_b-9"));
    }

    [Fact]
    public void Java_any_character_class_is_translated()
    {
        Assert.True(ApiPattern.Matches(@"[\p{all}]*", "any\ntext ✓"));
        Assert.Equal(@"[\s\S]*", ApiPattern.ToDotNet(@"[\p{all}]*"));
    }

    [Fact]
    public void Unicode_categories_keep_their_meaning()
    {
        const string elb = @"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$";
        Assert.True(ApiPattern.Matches(elb, "Zürich 2 = büro/ops@team:x+y_z.w-1"));
        Assert.False(ApiPattern.Matches(elb, "a -> b"));
        Assert.Equal([">"], ApiPattern.ForbiddenCharacters(elb, "a -> b"));
        Assert.Equal(["<", ">", "&"], ApiPattern.ForbiddenCharacters(elb, "<a>&<b>"));
    }

    [Fact]
    public void Offending_characters_are_not_guessed_for_patterns_that_are_not_one_class()
    {
        Assert.Empty(ApiPattern.ForbiddenCharacters("[a-z0-9][a-z0-9.-]*[a-z0-9]", "-x"));
    }
}
