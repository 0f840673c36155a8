using Infra.Synthesis;

namespace Infra.Constructs.Aws;

/// <summary>
/// The <c>Name</c> tag of one resource. Stack-wide tags (stack, tier, owner, environment, expiry) come from
/// the provider's <c>defaultTags</c>, so every taggable resource carries them without repeating them.
/// </summary>
public static partial class AwsTags
{
    /// <summary>Tag values ELBv2 accepts (AddTags, TagValue shape), the strictest of the AWS services used.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{Z}\p{N}_.:/=+\-@]")]
    private static partial System.Text.RegularExpressions.Regex OutsideTagAlphabet();

    public const int MaxValueLength = 256;

    /// <summary>
    /// <paramref name="text"/> as a tag value every service accepts: characters outside ELBv2's
    /// <c>^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$</c> become '_' and the value is cut at 256 characters.
    /// For descriptive tags only; identities never come from tags.
    /// </summary>
    public static string Value(string text)
    {
        var safe = OutsideTagAlphabet().Replace(text, "_");
        return safe.Length > MaxValueLength ? safe[..MaxValueLength] : safe;
    }

    public static IReadOnlyDictionary<string, Input<string>> Named(string name) => new Dictionary<string, Input<string>> { ["Name"] = name };

    public static IReadOnlyDictionary<string, Input<string>> Named(string name, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var tags = extra.ToDictionary(t => t.Key, t => (Input<string>)t.Value);
        tags["Name"] = name;
        return tags;
    }
}
