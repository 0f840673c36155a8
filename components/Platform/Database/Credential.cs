namespace Infra.Platform.Database;

/// <summary>
/// A secret that flows into generated configuration. Either a concrete value (a realization test
/// passes freshly generated random values) or a named placeholder: the tier passes placeholders and
/// later turns each into a reference to a <c>random</c> resource or secret config
/// (see <see cref="SecretTemplate"/>), so no secret is ever a literal in the synthesized program.
/// </summary>
public abstract record Credential
{
    public static Credential Of(string value) => new Literal(value);

    /// <summary>
    /// A named slot. The value bound to it later must be letters and digits only (the tier's random
    /// passwords are generated without special characters), because it lands unescaped in a URI,
    /// a SQL literal and YAML.
    /// </summary>
    public static Credential Placeholder(string key) => new Slot(key);

    /// <summary>The placeholder's key; null for a concrete value.</summary>
    public virtual string? PlaceholderKey => null;

    /// <summary>The text written into a file; <paramref name="encode"/> applies to concrete values only.</summary>
    internal abstract string Render(Func<string, string>? encode = null);

    private sealed record Literal : Credential
    {
        private readonly string value;

        public Literal(string value)
        {
            if (string.IsNullOrEmpty(value))
                throw new DatabaseConfigException("A credential value is empty: pass a non-empty secret.");
            if (value.Any(char.IsControl))
                throw new DatabaseConfigException("A credential value contains a line break or control character: use printable characters.");
            if (value.Contains(SecretTemplate.Open, StringComparison.Ordinal))
                throw new DatabaseConfigException(
                    $"A credential value contains the placeholder marker '{SecretTemplate.Open}': use Credential.Placeholder for placeholders.");
            this.value = value;
        }

        internal override string Render(Func<string, string>? encode = null) => encode is null ? value : encode(value);

        // Never print the secret (records print their members by default).
        public override string ToString() => "Credential(***)";
    }

    private sealed record Slot : Credential
    {
        public string Key { get; }

        public override string? PlaceholderKey => Key;

        public Slot(string key)
        {
            if (!SecretTemplate.KeyPattern.IsMatch(key))
                throw new DatabaseConfigException(
                    $"Credential placeholder key '{key}' is invalid: use letters, digits, '-' or '_'.");
            Key = key;
        }

        // A placeholder is substituted by an already URL-safe value or encoded by the consumer.
        internal override string Render(Func<string, string>? encode = null) => SecretTemplate.Token(Key);
    }
}
