using YamlDotNet.RepresentationModel;

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// One row of a tier's change catalogue: a config change users make on a running stack, and exactly
/// which resources it may create, update, replace or delete. Anything else it does is a failure.
/// </summary>
/// <param name="Base">The stack config before the change: the tier's base, plus the entry's own <c>base</c> keys.</param>
/// <param name="Set">Keys the change sets (a null value removes the key).</param>
public sealed record DayTwoChange(
    string Tier,
    string Name,
    string Why,
    YamlMappingNode Base,
    YamlMappingNode Set,
    IReadOnlyList<ResourcePattern> Creates,
    IReadOnlyList<ResourcePattern> Updates,
    IReadOnlyList<ResourcePattern> Replaces,
    IReadOnlyList<ResourcePattern> Deletes)
{
    /// <summary>How tests and known defects name the entry: <c>dc9: add a Service</c>.</summary>
    public string Id => $"{Tier}: {Name}";

    /// <summary>The config after the change.</summary>
    public YamlMappingNode Changed()
    {
        var config = Copy(Base);
        foreach (var (key, value) in Set.Children)
        {
            config.Children.Remove(key);
            if (!IsNull(value)) config.Children.Add(key, value);
        }
        return config;
    }

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" };

    /// <summary>A deep copy, so one entry's edits never leak into another's base.</summary>
    public static YamlMappingNode Copy(YamlMappingNode map)
    {
        var stream = new YamlStream(new YamlDocument(map));
        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        var copy = new YamlStream();
        copy.Load(new StringReader(text.ToString()));
        return (YamlMappingNode)copy.Documents[0].RootNode;
    }

    public override string ToString() => Id;
}
