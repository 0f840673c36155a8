namespace Infra.Tools.ProviderGen;

/// <summary>
/// Inputs the schema types as a plain string although the cloud accepts only a few values
/// (components/Providers/enum-overlays.txt). Each line is <c>TOKEN PROPERTY TYPE VALUE...</c>: the
/// property of that resource or object type becomes a closed enum <c>TYPE</c> of the module, so a typo
/// is a compile error instead of a failed <c>pulumi up</c>. A value that is no C# name is written
/// <c>Name=value</c>. Lines naming the same type must list the same values (one type, several properties).
/// <c>#</c> starts a comment line: each overlay says why, above it.
/// </summary>
public sealed class EnumOverlays
{
    public const string Path = "components/Providers/enum-overlays.txt";

    public sealed record Overlay(string Owner, string Property, string EnumToken, int Line);

    private readonly Dictionary<(string Owner, string Property), Overlay> byProperty;

    /// <summary>The enum types the overlays declare, by their (synthetic) token.</summary>
    public IReadOnlyDictionary<string, EnumTypeSpec> Types { get; }

    public IEnumerable<Overlay> All => byProperty.Values;

    private EnumOverlays(Dictionary<(string, string), Overlay> byProperty, IReadOnlyDictionary<string, EnumTypeSpec> types)
    {
        this.byProperty = byProperty;
        Types = types;
    }

    public static readonly EnumOverlays None = new([], new Dictionary<string, EnumTypeSpec>());

    public Overlay? For(string owner, string property) => byProperty.GetValueOrDefault((owner, property));

    public bool IsOverlayType(string token) => Types.ContainsKey(token);

    public static EnumOverlays Parse(string text, string source)
    {
        var byProperty = new Dictionary<(string, string), Overlay>();
        var types = new SortedDictionary<string, EnumTypeSpec>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var where = $"{source}:{i + 1}";
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 5 || words[0].Count(c => c == ':') != 2)
                throw new GeneratorException(
                    $"{where}: '{line}' is not an overlay. Write TOKEN PROPERTY TYPE VALUE VALUE..., e.g. " +
                    "'aws:lb/loadBalancer:LoadBalancer loadBalancerType LoadBalancerType application gateway network'.");
            var (owner, property, name) = (words[0], words[1], words[2]);
            var parts = owner.Split(':');
            var token = $"{parts[0]}:{parts[1].Split('/')[0]}/{name}:{name}";
            var values = words[3..].Select(v =>
            {
                var eq = v.IndexOf('=');
                var value = eq > 0 ? v[(eq + 1)..] : v;
                return new EnumValue(eq > 0 ? v[..eq] : null, System.Text.Json.JsonSerializer.SerializeToElement(value));
            }).ToList();
            var spec = new EnumTypeSpec(token, "string", values, FromOverlay: true);
            if (types.TryGetValue(token, out var existing))
            {
                if (!existing.Values.Select(Text).SequenceEqual(values.Select(Text)))
                    throw new GeneratorException($"{where}: {name} is declared above with other values; one type has one set of values.");
            }
            else types[token] = spec;
            if (!byProperty.TryAdd((owner, property), new Overlay(owner, property, token, i + 1)))
                throw new GeneratorException($"{where}: {owner} {property} has an overlay already; keep one line.");
        }
        return new EnumOverlays(byProperty, types);
    }

    private static string Text(EnumValue value) => $"{value.Name}={value.Value.GetString()}";
}
