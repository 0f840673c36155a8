using System.Globalization;
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
public sealed class ConfigReader
{
    private readonly ConfigSource source;
    private readonly List<ConfigError> errors = [];
    private readonly List<ConfigError> warnings = [];
    private readonly Dictionary<string, ConfigKey> keys;
    private readonly IReadOnlyCollection<string> otherTiersKeys;

    public string Stack { get; }

    public Tier Tier { get; }

    public IReadOnlyCollection<ConfigKey> Keys => keys.Values;

    public IReadOnlyList<ConfigError> Errors => errors;

    /// <summary>Findings that do not stop synthesis (placeholders on a stack that is not production).</summary>
    public IReadOnlyList<ConfigError> Warnings => warnings;

    /// <summary>Whether the stack is production: placeholders are errors there, warnings elsewhere.</summary>
    public bool IsProduction { get; init; }

    public string Origin => source.Origin;

    /// <param name="otherTiersKeys">Keys that exist for other tiers: named in the message when used here.</param>
    public ConfigReader(ConfigSource source, string stack, Tier tier, IEnumerable<ConfigKey> keys,
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

    public string String(ConfigKey key, string fallback, Func<string, string?>? check = null)
    {
        if (Plain(key) is not { } raw) return fallback;
        if (raw.Node is not JsonValue value || !value.TryGetValue<string>(out var text))
            return Fail(key, raw.Display, "must be a single string, not a list or object.", fallback);
        if (check?.Invoke(text) is { } problem) return Fail(key, text, problem, fallback);
        return text;
    }

    public int Integer(ConfigKey key, int fallback, int min, int max)
    {
        if (Plain(key) is not { } raw) return fallback;
        var text = raw.Display;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return Fail(key, text, "is not a whole number.", fallback);
        if (number < min || number > max)
            return Fail(key, text, $"is out of range.", fallback, $"an integer from {min} to {max}");
        return number;
    }

    public int Port(ConfigKey key, int fallback) => Integer(key, fallback, 1, 65535);

    public bool Boolean(ConfigKey key, bool fallback)
    {
        if (Plain(key) is not { } raw) return fallback;
        return raw.Display.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => Fail(key, raw.Display, "is not a boolean.", fallback, "true or false"),
        };
    }

    public TEnum Enum<TEnum>(ConfigKey key, TEnum fallback) where TEnum : struct, Enum
    {
        if (Plain(key) is not { } raw) return fallback;
        var names = System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToList();
        var text = raw.Display;
        if (names.Contains(text) && System.Enum.TryParse<TEnum>(text, true, out var parsed)) return parsed;
        return Fail(key, text, "is not one of the allowed values.", fallback, string.Join(" | ", names));
    }

    /// <summary>A list of strings: a YAML/JSON list, or a JSON list encoded as a string (as Pulumi passes it).</summary>
    public IReadOnlyList<string> StringList(ConfigKey key, IReadOnlyList<string> fallback, bool allowEmpty = false)
    {
        if (Plain(key) is not { } raw) return fallback;
        var node = Structured(raw.Node, out var jsonProblem);
        if (jsonProblem is not null) return Fail(key, raw.Display, jsonProblem + ".", fallback);
        if (!SingleLine(key, node)) return fallback;
        if (node is not JsonArray array || array.Any(i => i is not JsonValue))
            return Fail(key, raw.Display, "must be a list of strings.", fallback, "a list such as [\"a\", \"b\"]");
        var items = array.Select(i => i!.GetValue<object>().ToString() ?? "").ToList();
        if (items.Count == 0 && !allowEmpty)
            return Fail(key, raw.Display, "is an empty list.", fallback, key.Allowed);
        return items;
    }

    /// <summary>An object: a YAML mapping, or a JSON object encoded as a string.</summary>
    public JsonObject? Object(ConfigKey key)
    {
        if (Plain(key) is not { } raw) return null;
        var node = Structured(raw.Node, out var jsonProblem);
        if (jsonProblem is not null) return Fail<JsonObject?>(key, raw.Display, jsonProblem + ".", null);
        if (!SingleLine(key, node)) return null;
        if (node is JsonObject obj) return obj;
        return Fail<JsonObject?>(key, raw.Display, "must be an object (a mapping of names to values).", null);
    }

    /// <summary>
    /// A structured value of any shape (JSON text parsed), for readers with their own shape rules, such as
    /// the policy exemptions (whose reasons may span lines); null when unset or already reported (stored
    /// as a secret, not valid JSON).
    /// </summary>
    public JsonNode? Node(ConfigKey key)
    {
        if (Plain(key, singleLine: false) is not { } raw) return null;
        var node = Structured(raw.Node, out var jsonProblem);
        return jsonProblem is null ? node : Fail<JsonNode?>(key, raw.Display, jsonProblem + ".", null);
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
        var tierName = TierShape.Of(Tier).Name;
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
            throw new InvalidOperationException($"{key.FullName} is read but not registered for tier {Tier}.");
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

    private T Fail<T>(ConfigKey key, string value, string problem, T fallback, string? allowed = null)
    {
        Report(key, value, problem, allowed);
        return fallback;
    }
}
