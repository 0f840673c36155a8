namespace Infra.Platform.Configuration;

/// <summary>
/// Keys documented together: the keys every tier reads (<see cref="Common"/>), or one tier's own keys. Each group
/// is one table in the README and one section of <c>infra config keys</c>.
/// </summary>
/// <param name="Scope"><c>common</c> or a tier's name.</param>
public sealed record ConfigKeyGroup(string Scope, IReadOnlyList<ConfigKey> Keys)
{
    public const string Common = "common";

    public string Title => Scope == Common ? "Keys every tier reads" : $"Keys of tier {Scope}";
}
