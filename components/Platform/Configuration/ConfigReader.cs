using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration;

/// <summary>
/// Typed, validating access to a stack's <c>infra:*</c> config. Every problem is collected (not
/// thrown at the first) and <see cref="ThrowIfInvalid"/> reports them together. Only keys in
/// <see cref="Keys"/> may be read; any other <c>infra:*</c> key in the stack is an error.
/// </summary>
public sealed class ConfigReader
{
    private readonly ConfigSource source;
    private readonly List<ConfigError> errors = [];
    private readonly Dictionary<string, ConfigKey> keys;
    private readonly IReadOnlyCollection<string> otherTiersKeys;

    public string Stack { get; }

    public Tier Tier { get; }

    public IReadOnlyCollection<ConfigKey> Keys => keys.Values;

    public IReadOnlyList<ConfigError> Errors => errors;

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
        if (Raw(key) is not { } raw) return fallback;
        if (raw.Node is not JsonValue value || !value.TryGetValue<string>(out var text))
            return Fail(key, raw.Display, "must be a single string, not a list or object.", fallback);
        if (check?.Invoke(text) is { } problem) return Fail(key, text, problem, fallback);
        return text;
    }

    public int Integer(ConfigKey key, int fallback, int min, int max)
    {
        if (Raw(key) is not { } raw) return fallback;
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
        if (Raw(key) is not { } raw) return fallback;
        return raw.Display.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => Fail(key, raw.Display, "is not a boolean.", fallback, "true or false"),
        };
    }

    public TEnum Enum<TEnum>(ConfigKey key, TEnum fallback) where TEnum : struct, Enum
    {
        if (Raw(key) is not { } raw) return fallback;
        var names = System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToList();
        var text = raw.Display;
        if (names.Contains(text) && System.Enum.TryParse<TEnum>(text, true, out var parsed)) return parsed;
        return Fail(key, text, "is not one of the allowed values.", fallback, string.Join(" | ", names));
    }

    /// <summary>A list of strings: a YAML/JSON list, or a JSON list encoded as a string (as Pulumi passes it).</summary>
    public IReadOnlyList<string> StringList(ConfigKey key, IReadOnlyList<string> fallback, bool allowEmpty = false)
    {
        if (Raw(key) is not { } raw) return fallback;
        var node = Structured(raw.Node);
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
        if (Raw(key) is not { } raw) return null;
        if (Structured(raw.Node) is JsonObject obj) return obj;
        return Fail<JsonObject?>(key, raw.Display, "must be an object (a mapping of names to values).", null);
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
    public void Report(ConfigKey key, string? value, string problem, string? allowed = null) =>
        errors.Add(new ConfigError(key.FullName, value, problem, allowed ?? key.Allowed));

    /// <summary>Every <c>infra:*</c> key the stack sets must be one this tier reads.</summary>
    public void CheckUnknownKeys()
    {
        foreach (var key in source.Values.Keys.Where(k => k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)))
        {
            if (keys.ContainsKey(key)) continue;
            var value = source.Values[key].Display;
            var tierName = TierShape.Of(Tier).Name;
            if (otherTiersKeys.Contains(key))
            {
                errors.Add(new ConfigError(key, value, $"is not used by tier {tierName}.",
                    $"remove it (pulumi config rm {key} --stack {Stack})"));
                continue;
            }
            var suggestion = DidYouMean.Suggest(key, keys.Keys);
            var problem = suggestion is null ? "is not a known key." : $"is not a known key. Did you mean {suggestion}?";
            errors.Add(new ConfigError(key, value, problem,
                $"the keys of tier {tierName}: {string.Join(", ", keys.Keys.Order(StringComparer.Ordinal))}"));
        }
    }

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0) throw new ConfigException(Stack, source.Origin, errors);
    }

    private RawConfigValue? Raw(ConfigKey key)
    {
        if (!keys.ContainsKey(key.FullName))
            throw new InvalidOperationException($"{key.FullName} is read but not registered for tier {Tier}.");
        return source.Values.GetValueOrDefault(key.FullName);
    }

    private static JsonNode? Structured(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
            {
                try { return JsonNode.Parse(text); }
                catch (JsonException) { return node; }
            }
        }
        return node;
    }

    private T Fail<T>(ConfigKey key, string value, string problem, T fallback, string? allowed = null)
    {
        Report(key, value, problem, allowed);
        return fallback;
    }
}
