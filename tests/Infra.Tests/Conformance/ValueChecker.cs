using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// Checks the values of one resource (or variable, or output) against property specs, and every
/// <c>${...}</c> reference (ValueChecker.References.cs) and <c>fn::invoke</c> (ValueChecker.Invoke.cs)
/// found on the way. Violations go to the list passed in, so that a <c>oneOf</c> can try each
/// branch on a scratch list.
/// </summary>
internal sealed partial class ValueChecker(ProviderSchemas schemas, ProgramSymbols symbols, string subject)
{
    private static readonly HashSet<string> AssetCalls = ["fn::stringAsset", "fn::fileAsset", "fn::remoteAsset"];
    private static readonly HashSet<string> ArchiveCalls = ["fn::fileArchive", "fn::remoteArchive", "fn::assetArchive"];

    /// <summary>Checks a value; with no spec, only the references and invokes inside it.</summary>
    public void Check(YamlNode node, PropertySpec? spec, string path, List<ConformanceViolation> sink)
    {
        if (node is YamlScalarNode { Value: { } text } && Interpolations.Contains(text))
        {
            // An interpolation's type is only known at deployment: check what it refers to.
            CheckInterpolations(text, path, sink);
            return;
        }
        if (YamlScalars.IsBuiltInCall(node, out var name, out var argument))
        {
            CheckBuiltInCall(name, argument, spec, path, sink);
            return;
        }
        if (spec is { } known)
        {
            CheckAgainstSpec(node, known, path, sink);
            return;
        }
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children) Check(value, null, Join(path, KeyText(key)), sink);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++) Check(sequence.Children[i], null, $"{path}[{i}]", sink);
                break;
        }
    }

    /// <summary>
    /// Checks the keys of a mapping against named property specs: unknown names, then missing
    /// required ones. <paramref name="noun"/> says what the names are (property, field, argument).
    /// </summary>
    public void CheckFields(
        YamlNode node, JsonElement properties, IReadOnlySet<string> required, SchemaPackage package,
        string owner, string noun, bool checkRequired, string path, List<ConformanceViolation> sink)
    {
        if (node is YamlScalarNode empty && YamlScalars.KindOf(empty) == ScalarKind.Null) node = new YamlMappingNode();
        if (node is not YamlMappingNode mapping)
        {
            sink.Add(Violation(path, $"expected a mapping of {owner} {noun} names, got {YamlScalars.Describe(node)}"));
            return;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyText(keyNode);
            if (PropertySpec.Find(properties, key, package) is { } spec)
                Check(value, spec, Join(path, key), sink);
            else
                sink.Add(Violation(Join(path, key), $"unknown {noun} '{key}' of {owner}{Suggestion(properties, key)}"));
        }
        if (!checkRequired) return;
        var present = mapping.Children.Keys.Select(KeyText).ToHashSet(StringComparer.Ordinal);
        foreach (var name in required.Where(r => !present.Contains(r)).Order(StringComparer.Ordinal))
            sink.Add(Violation(Join(path, name), $"missing required {noun} '{name}' of {owner}"));
    }

    private void CheckAgainstSpec(YamlNode node, PropertySpec spec, string path, List<ConformanceViolation> sink)
    {
        if (node is YamlScalarNode scalar && YamlScalars.KindOf(scalar) == ScalarKind.Null) return;

        if (spec.Ref is { } reference)
        {
            CheckAgainstRef(node, spec, reference, path, sink);
            return;
        }
        if (spec.OneOf is { Count: > 0 } branches)
        {
            CheckOneOf(node, branches, path, sink);
            return;
        }
        if (spec.Const is { } constant)
        {
            var expected = PropertySpec.LiteralText(constant);
            if (node is not YamlScalarNode { Value: { } value } || Unescape(value) != expected)
                sink.Add(Violation(path, $"must be \"{expected}\", got {YamlScalars.Describe(node)}"));
            return;
        }
        switch (spec.Type)
        {
            case "string":
                if (node is not YamlScalarNode literal)
                    sink.Add(Violation(path, $"expected a string, got {YamlScalars.Describe(node)}"));
                else if (spec.EnumValues is { } allowed)
                    CheckEnumValue(literal, allowed, "the allowed values", path, sink);
                break;
            case "integer":
                if (!(node is YamlScalarNode whole && YamlScalars.KindOf(whole) == ScalarKind.Integer))
                    sink.Add(Violation(path, $"expected an integer, got {YamlScalars.Describe(node)}"));
                break;
            case "number":
                if (!(node is YamlScalarNode number && YamlScalars.KindOf(number) is ScalarKind.Integer or ScalarKind.Float))
                    sink.Add(Violation(path, $"expected a number, got {YamlScalars.Describe(node)}"));
                break;
            case "boolean":
                if (!(node is YamlScalarNode flag && YamlScalars.KindOf(flag) == ScalarKind.Boolean))
                    sink.Add(Violation(path, $"expected true or false, got {YamlScalars.Describe(node)}"));
                break;
            case "array":
                if (node is not YamlSequenceNode list)
                {
                    sink.Add(Violation(path, $"expected a list, got {YamlScalars.Describe(node)}"));
                    break;
                }
                for (var i = 0; i < list.Children.Count; i++) Check(list.Children[i], spec.Items, $"{path}[{i}]", sink);
                break;
            case "object":
                if (node is not YamlMappingNode map)
                {
                    sink.Add(Violation(path, $"expected a mapping, got {YamlScalars.Describe(node)}"));
                    break;
                }
                foreach (var (key, value) in map.Children) Check(value, spec.AdditionalProperties, Join(path, KeyText(key)), sink);
                break;
            default:
                Check(node, null, path, sink);
                break;
        }
    }

    private void CheckAgainstRef(YamlNode node, PropertySpec spec, string reference, string path, List<ConformanceViolation> sink)
    {
        switch (reference)
        {
            case "pulumi.json#/Asset":
                sink.Add(Violation(path, $"expected an asset ({string.Join(", ", AssetCalls.Order())}), got {YamlScalars.Describe(node)}"));
                return;
            case "pulumi.json#/Archive":
                sink.Add(Violation(path, $"expected an archive ({string.Join(", ", ArchiveCalls.Order())}), got {YamlScalars.Describe(node)}"));
                return;
        }
        if (spec.TypeToken is not { } token || spec.Package.FindType(token) is not { } type)
        {
            Check(node, null, path, sink); // Any, Json, or nothing to check against.
            return;
        }
        if (type.TryGetProperty("enum", out _))
        {
            var allowed = new PropertySpec(type, spec.Package).EnumValues ?? [];
            if (node is YamlScalarNode literal)
                CheckEnumValue(literal, allowed, $"enum {token}", path, sink);
            else
                sink.Add(Violation(path, $"expected a value of enum {token}, got {YamlScalars.Describe(node)}"));
            return;
        }
        var properties = type.TryGetProperty("properties", out var props) ? props : default;
        var required = type.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : [];
        CheckFields(node, properties, required, spec.Package, token, "field", checkRequired: true, path, sink);
    }

    /// <summary>A union accepts a value that any branch accepts; otherwise the closest branch's complaints are reported.</summary>
    private void CheckOneOf(YamlNode node, IReadOnlyList<PropertySpec> branches, string path, List<ConformanceViolation> sink)
    {
        List<ConformanceViolation>? closest = null;
        foreach (var branch in branches)
        {
            var attempt = new List<ConformanceViolation>();
            CheckAgainstSpec(node, branch, path, attempt);
            if (attempt.Count == 0) return;
            if (closest is null || attempt.Count < closest.Count) closest = attempt;
        }
        sink.AddRange(closest ?? []);
    }

    private void CheckEnumValue(YamlScalarNode literal, IReadOnlyList<string> allowed, string what, string path, List<ConformanceViolation> sink)
    {
        var value = Unescape(literal.Value ?? "");
        if (allowed.Contains(value, StringComparer.Ordinal)) return;
        var shown = string.Join(", ", allowed.Take(12)) + (allowed.Count > 12 ? ", ..." : "");
        sink.Add(Violation(path, $"\"{value}\" is not one of {what} ({shown})"));
    }

    private void CheckBuiltInCall(string name, YamlNode argument, PropertySpec? spec, string path, List<ConformanceViolation> sink)
    {
        if (name == "fn::secret")
        {
            Check(argument, spec, path, sink); // A secret is its value, marked.
            return;
        }
        if (name == "fn::invoke") CheckInvoke(argument, Join(path, name), sink);
        else Check(argument, null, Join(path, name), sink);

        var expected = spec?.Ref switch
        {
            "pulumi.json#/Asset" => AssetCalls.Concat(ArchiveCalls).ToHashSet(),
            "pulumi.json#/Archive" => ArchiveCalls,
            _ => null,
        };
        if (expected is not null && !expected.Contains(name) && name != "fn::invoke")
            sink.Add(Violation(path, $"{name} does not make an asset or archive; use {string.Join(", ", expected.Order())}"));
    }

    private ConformanceViolation Violation(string path, string message) => new(subject, path, message);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Keys are literal text; <c>$$</c> is how an escaped <c>$</c> is written.</summary>
    private static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? Unescape(text) : key.ToString();

    private static string Unescape(string text) => text.Replace("$$", "$");

    /// <summary>" (did you mean 'fromPort'?)" when the name differs only in case.</summary>
    private static string Suggestion(JsonElement properties, string name)
    {
        if (properties.ValueKind != JsonValueKind.Object) return "";
        foreach (var property in properties.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return $" (did you mean '{property.Name}'?)";
        }
        return "";
    }
}
