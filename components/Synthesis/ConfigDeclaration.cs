namespace Infra.Synthesis;

/// <summary>Types that the <c>config:</c> section of Pulumi YAML declares.</summary>
public enum ConfigType
{
    String,
    Integer,
    Boolean,
    Number,
}

public static class ConfigTypes
{
    /// <summary>The type's name in the program (<c>type: string</c>), spelled out: no reflection over enum fields.</summary>
    public static string WireName(this ConfigType type) => type switch
    {
        ConfigType.String => "string",
        ConfigType.Integer => "integer",
        ConfigType.Boolean => "boolean",
        ConfigType.Number => "number",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a Pulumi YAML config type"),
    };
}

/// <summary>
/// A config key the program reads at deployment time (typically a secret). The value never enters
/// the program: it is referenced as <c>${key}</c>, and Pulumi keeps it secret end to end.
/// </summary>
public sealed record ConfigDeclaration(string Key, ConfigType Type, bool Secret);
