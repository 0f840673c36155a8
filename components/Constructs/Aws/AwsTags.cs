namespace Infra.Constructs.Aws;

/// <summary>
/// The <c>Name</c> tag of one resource. Stack-wide tags (stack, tier, owner, environment, expiry) come from
/// the provider's <c>defaultTags</c>, so every taggable resource carries them without repeating them.
/// </summary>
public static class AwsTags
{
    public static IReadOnlyDictionary<string, string> Named(string name) => new Dictionary<string, string> { ["Name"] = name };

    public static IReadOnlyDictionary<string, string> Named(string name, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var tags = new Dictionary<string, string>(extra) { ["Name"] = name };
        return tags;
    }
}
