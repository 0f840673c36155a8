using Infra.Policies.Cloud.Constraints;

namespace Infra.Tests.Cloud;

/// <summary>The text rule every name, tag and description check is made of.</summary>
public sealed class TextRuleTests
{
    private static readonly TextRule Rule = new("test names", "a test")
    {
        MinLength = 3,
        MaxLength = 8,
        Pattern = "[a-z][a-z0-9-]*",
        Characters = "[a-z0-9-]",
        ReservedPrefixes = ["aws-"],
        ReservedSuffixes = ["-tmp"],
        ReservedValues = ["default"],
        ReservedIgnoreCase = true,
        Forbidden = [("--", "has two hyphens in a row")],
    };

    [Theory]
    [InlineData("abc")]
    [InlineData("abcdefgh")]
    [InlineData("a-b-c")]
    public void Values_within_every_bound_pass(string value) => Assert.Empty(Rule.Problems(value));

    [Theory]
    [InlineData("ab", "is 2 characters long; test names need at least 3")]
    [InlineData("abcdefghi", "is 9 characters long; test names allow at most 8")]
    [InlineData("aBc", "contains 'B', which test names do not allow")]
    [InlineData("1abc", "does not match what test names allow")]
    [InlineData("AWS-x", "starts with 'AWS-', a prefix test names may not use")]
    [InlineData("x-TMP", "ends with '-TMP', a suffix test names may not use")]
    [InlineData("Default", "reserved name")]
    [InlineData("a--b", "has two hyphens in a row")]
    public void Each_bound_is_reported_in_words(string value, string problem) =>
        Assert.Contains(Rule.Problems(value), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void Length_counts_characters_not_utf16_units()
    {
        var rule = new TextRule("emoji names", "a test") { MaxLength = 2 };
        Assert.Empty(rule.Problems("😀😀")); // 4 UTF-16 units, 2 characters
        Assert.Single(rule.Problems("😀😀😀"));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        Assert.Equal(3, Rule.Problems("AWS-Ab--").Count(p => p.Contains("AWS-", StringComparison.Ordinal) || p.Contains("contains", StringComparison.Ordinal) || p.Contains("hyphens", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_character_is_singular_and_an_empty_value_is_only_too_short()
    {
        Assert.Equal(["is 1 character long; test names need at least 3"], Rule.Problems("a"));
        // The pattern is not applied to an empty value when a minimum length already refuses it.
        Assert.Equal(["is 0 characters long; test names need at least 3"], Rule.Problems(""));
        var optional = new TextRule("descriptions", "a test") { Pattern = "[a-z]+" };
        Assert.Single(optional.Problems(""));
        var emptyAllowed = new TextRule("descriptions", "a test") { MinLength = 0, Pattern = "[a-z]+" };
        Assert.Single(emptyAllowed.Problems(""));
    }

    [Fact]
    public void Reserved_words_match_case_sensitively_unless_the_rule_ignores_case()
    {
        var exact = Rule with { ReservedIgnoreCase = false, Pattern = null };
        Assert.Empty(exact.Problems("AWS-x"));
        Assert.Empty(exact.Problems("x-TMP"));
        Assert.Empty(exact.Problems("Default"));
        Assert.Equal(["starts with 'aws-', a prefix test names may not use"], exact.Problems("aws-x"));
        Assert.Equal(["ends with '-tmp', a suffix test names may not use"], exact.Problems("x-tmp"));
        Assert.Equal(["is 'default', a reserved name"], exact.Problems("default"));
    }

    [Fact]
    public void Without_words_for_the_pattern_the_message_quotes_it_and_finds_the_characters_from_it()
    {
        var rule = new TextRule("ids", "a test") { Pattern = "[a-z]+" };
        Assert.Equal(["contains 'X', '!', which ids do not allow (allowed: the pattern [a-z]+)"], rule.Problems("aX!X"));
        var described = rule with { Allowed = "lower-case letters" };
        Assert.Equal(["contains 'X', which ids do not allow (allowed: lower-case letters)"], described.Problems("aX"));
    }
}

