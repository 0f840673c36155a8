namespace Infra.Synthesis;

/// <summary>Types that the <c>config:</c> section of Pulumi YAML declares.</summary>
public enum ConfigType
{
    [WireName("string")] String,
    [WireName("integer")] Integer,
    [WireName("boolean")] Boolean,
    [WireName("number")] Number,
}

/// <summary>
/// A config key the program reads at deployment time (typically a secret). The value never enters
/// the program: it is referenced as <c>${key}</c>, and Pulumi keeps it secret end to end.
/// </summary>
public sealed record ConfigDeclaration(string Key, ConfigType Type, bool Secret);
