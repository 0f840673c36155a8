using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// A property of a resource type whose change makes the provider replace the resource (delete and
/// create) instead of updating it. <see cref="Source"/> says where that comes from, so a reviewer can check it.
/// </summary>
/// <param name="Property">A property path under <c>properties</c>: <c>privateIp</c>, <c>rootBlockDevice.encrypted</c>;
/// <c>*</c> with <see cref="Except"/> means every input but those.</param>
/// <param name="Condition">When set, the rule holds only if this is true of the new properties (e.g. <c>userDataReplaceOnChange</c>).</param>
/// <param name="ConditionText">The condition in words, for the report.</param>
public sealed record ReplacementRule(
    string Type,
    string Property,
    string Source,
    IReadOnlyList<string>? Except = null,
    Func<YamlMappingNode?, bool>? Condition = null,
    string? ConditionText = null)
{
    public const string EveryInput = "*";

    /// <summary>Whether a change at <paramref name="propertyPath"/> (relative to <c>properties</c>) falls under this rule.</summary>
    public bool Covers(string propertyPath, YamlMappingNode? newProperties)
    {
        if (Condition is not null && !Condition(newProperties)) return false;
        if (Property == EveryInput)
        {
            var top = PropertyPath.TopLevel(propertyPath);
            return Except is null || !Except.Contains(top, StringComparer.Ordinal);
        }
        return PropertyPath.Overlaps(propertyPath, Property);
    }

    public string Describe(string propertyPath) => ConditionText is null ? Source : $"{Source}; {ConditionText}";
}
