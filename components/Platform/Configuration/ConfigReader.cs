using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration;

/// <summary>
/// Typed, validating access to a stack's <c>infra:*</c> config. Every problem is collected (not
/// thrown at the first) and <see cref="ThrowIfInvalid"/> reports them together. Only keys in
/// <see cref="Keys"/> may be read; any other <c>infra:*</c> key in the stack is an error, and so is a
/// key in a namespace no one reads.
///
/// Secrets: Pulumi hands the compiler decrypted values and does not say which keys are secret, so an
/// error quotes a value only for a key the suite declares non-secret (<see cref="ConfigKey.ShowsValue"/>),
/// never for a secret or an unknown key.
/// </summary>
public sealed class ConfigReader : IConfigProblems
{
    private readonly ConfigSource source;
    private readonly List<ConfigError> errors = [];
    private readonly List<ConfigError> warnings = [];
    private readonly Dictionary<string, ConfigKey> keys;
    private readonly IReadOnlyCollection<string> otherTiersKeys;

    public string Stack { get; }

    /// <summary>The stack's tier; null for a reader of the operations keys only (<c>infra schedule</c>).</summary>
    public Tier? Tier { get; }

    public IReadOnlyCollection<ConfigKey> Keys => keys.Values;

    public IReadOnlyList<ConfigError> Errors => errors;

    /// <summary>Findings that do not stop synthesis (placeholders on a stack that is not production).</summary>
    public IReadOnlyList<ConfigError> Warnings => warnings;

    /// <summary>Whether the stack is production: placeholders are errors there, warnings elsewhere.</summary>
    public bool IsProduction { get; init; }

    public string Origin => source.Origin;

    /// <param name="otherTiersKeys">Keys that exist for other tiers: named in the message when used here.</param>
    public ConfigReader(ConfigSource source, string stack, Tier? tier, IEnumerable<ConfigKey> keys,
        IReadOnlyCollection<string>? otherTiersKeys = null)
    {
        this.source = source;
        Stack = stack;
        Tier = tier;
        this.keys = keys.ToDictionary(k => k.FullName, StringComparer.Ordinal);
        this.otherTiersKeys = otherTiersKeys ?? [];
    }

    public bool IsSet(ConfigKey key) => Raw(key) is not null;

    /// <summary>The value as the stack wrote it (a list or object as JSON); null when unset.</summary>
    public string? Display(ConfigKey key) => Raw(key)?.Display;

    /// <summary>
    /// The key's value, checked against its declaration (type, range, pattern, required); its default when
    /// unset, or after a problem has been reported.
    /// </summary>
    public T Get<T>(ConfigKey<T> key)
    {
        if (Raw(key) is null)
        {
            if (key.Required) Report(key, null, key.RequiredProblem);
            return key.Default;
        }
        if (Plain(key, singleLine: !key.AllowsLineBreaks) is not { } raw) return key.Default;
        return Bind(key, raw.Node);
    }

    /// <summary>Binds a value given for <paramref name="key"/> (a list or object may be JSON text), reporting its problems here.</summary>
    public T Bind<T>(ConfigKey<T> key, JsonNode? value)
    {
        var node = value;
        if (key.Shape.IsStructured)
        {
            node = Structured(value, out var jsonProblem);
            if (jsonProblem is not null)
            {
                Report(key, ConfigShape.Display(value), jsonProblem + ".");
                return key.Default;
            }
        }
        if (!key.AllowsLineBreaks && !SingleLine(key, node)) return key.Default;
        return key.Shape.TryBind(node, ConfigAt.Of(key, this), out var bound) ? bound : key.Default;
    }

    /// <summary>A secret key is only checked for presence and secrecy; its value is never read.</summary>
    public bool Secret(ConfigKey key, bool required)
    {
        if (Raw(key) is not { } raw)
        {
            if (required) Report(key, null, "is required and not set.", $"a secret: pulumi config set --secret {key.FullName} VALUE");
            return false;
        }
        if (source.Origin != "PULUMI_CONFIG" && !raw.IsSecure)
            Report(key, "[plain text]", "holds a secret in plain text.",
                $"a secure value: pulumi config set --secret {key.FullName} VALUE --stack {Stack}");
        return true;
    }

    /// <summary>Records a problem found by a check that spans keys (a port clash, a missing pair).</summary>
    /// <param name="value">The offending value; dropped for a key whose value may be secret.</param>
    public void Report(ConfigKey key, string? value, string problem, string? allowed = null) =>
        errors.Add(new ConfigError(key.FullName, key.ShowsValue ? value : null, problem, allowed ?? key.Allowed));

    /// <summary>Records a problem found outside this reader (a malformed setting inside an object value).</summary>
    public void Report(ConfigError error) => errors.Add(error);

    /// <summary>
    /// An example value left in place (an all-zero checksum, an example.com host): an error on a production
    /// stack, a warning elsewhere, so that `infra plan` works on the shipped examples.
    /// </summary>
    public void Placeholder(ConfigKey key, string value, string what)
    {
        var shown = key.ShowsValue ? value : null;
        if (IsProduction)
            errors.Add(new ConfigError(key.FullName, shown, $"is a placeholder ({what}); a production stack needs the real value.", null));
        else
            warnings.Add(new ConfigError(key.FullName, shown, $"is a placeholder ({what}); replace it before `pulumi up`.", null));
    }

    /// <summary>
    /// Every <c>infra:*</c> key the stack sets must be one this tier reads, and every other key must be in
    /// a namespace someone reads. Values are never quoted here: an unknown key may hold a secret.
    /// </summary>
    public void CheckUnknownKeys()
    {
        var infraPrefix = ConfigKey.Namespace + ":";
        var tierName = TierShape.Of(Tier ?? throw new InvalidOperationException("Unknown keys are checked against a tier's keys.")).Name;
        foreach (var key in source.Values.Keys.Where(k => k.StartsWith(infraPrefix, StringComparison.Ordinal)))
        {
            if (keys.ContainsKey(key)) continue;
            if (otherTiersKeys.Contains(key))
            {
                errors.Add(new ConfigError(key, null, $"is not used by tier {tierName}.",
                    $"remove it (pulumi config rm {key} --stack {Stack})"));
                continue;
            }
            var suggestion = DidYouMean.Suggest(key, keys.Keys);
            var problem = suggestion is null ? "is not a known key." : $"is not a known key. Did you mean {suggestion}?";
            errors.Add(new ConfigError(key, null, problem,
                $"the keys of tier {tierName}: {string.Join(", ", keys.Keys.Order(StringComparer.Ordinal))}"));
        }
        errors.AddRange(ConfigNamespaces.Check(
            source.Values.Keys.Where(k => !k.StartsWith(infraPrefix, StringComparison.Ordinal)), keys.Keys));
    }

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0) throw new ConfigException(Stack, source.Origin, errors);
    }

    /// <summary>
    /// The value of a non-secret key, which the program needs in plain text. A value stored encrypted
    /// (<c>secure:</c>) cannot be read here, and copying it into the program would leak it: an error.
    /// </summary>
    private RawConfigValue? Plain(ConfigKey key, bool singleLine = true)
    {
        if (Raw(key) is not { } raw) return null;
        if (!raw.IsSecure) return !singleLine || SingleLine(key, raw.Node) ? raw : null;
        Report(key, null, "is stored as a secret (secure:), but it is not a secret: the program needs its value in plain text.",
            $"{key.Allowed}; set it without --secret: pulumi config set {key.FullName} VALUE --stack {Stack}");
        return null;
    }

    /// <summary>
    /// Config values are single-line text: a line break would end up in tags, names and scripts, and
    /// slips past every <c>^...$</c> pattern (which matches before a final newline).
    /// </summary>
    private bool SingleLine(ConfigKey key, JsonNode? node)
    {
        if (!HasControlCharacter(node)) return true;
        Report(key, null, "contains a line break or another control character; config values are single-line text.");
        return false;
    }

    private static bool HasControlCharacter(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => p.Key.Any(char.IsControl) || HasControlCharacter(p.Value)),
        JsonArray array => array.Any(HasControlCharacter),
        JsonValue value when value.TryGetValue<string>(out var text) => text.Any(char.IsControl),
        _ => false,
    };

    private RawConfigValue? Raw(ConfigKey key)
    {
        if (!keys.ContainsKey(key.FullName))
            throw new InvalidOperationException($"{key.FullName} is read but not registered for tier {Tier?.ToString() ?? "(none)"}.");
        return source.Values.GetValueOrDefault(key.FullName);
    }

    private static JsonNode? Structured(JsonNode? node, out string? problem)
    {
        problem = null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
                return StrictJson.TryParse(text, out problem) ?? (problem is null ? null : node);
        }
        return node;
    }
}
