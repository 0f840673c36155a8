using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// What a cloud API accepts for one text value (a name, a tag, a description): length bounds in
/// characters, a pattern matched in full, reserved prefixes, suffixes and values, and forbidden
/// sequences. Built from an AWS API model shape (<see cref="ApiShape.Text"/>) or written by hand with
/// the documentation page it comes from as <see cref="Source"/>.
/// </summary>
/// <param name="What">What the value is, for messages: "security group names".</param>
/// <param name="Source">Where the rule comes from: a model shape, or a documentation page or quota name.</param>
public sealed record TextRule(string What, string Source)
{
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>A pattern in the AWS models' (Java) syntax, matched against the whole value.</summary>
    public string? Pattern { get; init; }

    /// <summary>What <see cref="Pattern"/> allows, in words, for messages (the pattern itself when null).</summary>
    public string? Allowed { get; init; }

    /// <summary>
    /// The characters <see cref="Pattern"/> can accept anywhere, as a .NET character class
    /// (<c>[a-z0-9.-]</c>), so that a message can name the offending ones; a pattern that is one class
    /// repeated needs none.
    /// </summary>
    public string? Characters { get; init; }

    public IReadOnlyList<string> ReservedPrefixes { get; init; } = [];
    public IReadOnlyList<string> ReservedSuffixes { get; init; } = [];
    public IReadOnlyList<string> ReservedValues { get; init; } = [];

    /// <summary>Whether reserved prefixes, suffixes and values match in any letter case (<c>aws:</c>, <c>AWS:</c>).</summary>
    public bool ReservedIgnoreCase { get; init; }

    /// <summary>Sequences the value must not contain or shapes it must not have, each with why.</summary>
    public IReadOnlyList<(string Pattern, string Why)> Forbidden { get; init; } = [];

    // A large program checks the same tag keys and values, and many names, thousands of times: each rule
    // remembers its answers (by reference: a record's equality would compare the rules' contents).
    private static readonly ConditionalWeakTable<TextRule, ConcurrentDictionary<string, IReadOnlyList<string>>> Answers = new();
    private const int MaxRemembered = 50_000;

    /// <summary>Every way <paramref name="value"/> breaks the rule, as clauses ("is 36 characters long, ..."); empty when it complies.</summary>
    public IReadOnlyList<string> Problems(string value)
    {
        var answers = Answers.GetValue(this, _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        if (answers.TryGetValue(value, out var known)) return known;
        var problems = Check(value);
        if (answers.Count < MaxRemembered) answers.TryAdd(value, problems);
        return problems;
    }

    // Loops, not LINQ: a large program checks thousands of distinct names and tags, nearly all compliant.
    private IReadOnlyList<string> Check(string value)
    {
        var problems = new List<string>();
        var length = 0;
        foreach (var _ in value.EnumerateRunes()) length++;
        if (MinLength is { } min && length < min)
            problems.Add($"is {length} character{(length == 1 ? "" : "s")} long; {What} need at least {min}");
        if (MaxLength is { } max && length > max)
            problems.Add($"is {length} characters long; {What} allow at most {max}");
        if (Pattern is { } pattern && (length > 0 || MinLength is null or 0) && !ApiPattern.Matches(pattern, value))
        {
            var forbidden = Characters is { } characters
                ? value.EnumerateRunes().Select(r => r.ToString()).Where(r => !Regex.IsMatch(r, $@"\A{characters}\z", RegexOptions.CultureInvariant))
                    .Distinct(StringComparer.Ordinal).ToList()
                : ApiPattern.ForbiddenCharacters(pattern, value);
            var allowed = Allowed ?? $"the pattern {pattern}";
            problems.Add(forbidden.Count > 0
                ? $"contains {string.Join(", ", forbidden.Select(c => $"'{c}'"))}, which {What} do not allow (allowed: {allowed})"
                : $"does not match what {What} allow ({allowed})");
        }
        var comparison = ReservedIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var prefix in ReservedPrefixes)
            if (value.StartsWith(prefix, comparison)) problems.Add($"starts with '{value[..prefix.Length]}', a prefix {What} may not use");
        foreach (var suffix in ReservedSuffixes)
            if (value.EndsWith(suffix, comparison)) problems.Add($"ends with '{value[^suffix.Length..]}', a suffix {What} may not use");
        foreach (var reserved in ReservedValues)
        {
            if (!string.Equals(reserved, value, comparison)) continue;
            problems.Add($"is '{value}', a reserved name");
            break;
        }
        foreach (var (forbiddenPattern, why) in Forbidden)
            if (Regex.IsMatch(value, forbiddenPattern, RegexOptions.CultureInvariant)) problems.Add(why);
        if (problems.Count == 0) return []; // one shared empty list: most values comply, and every answer is remembered
        return problems;
    }
}
