using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// Checks a synthesized program against the provider schemas in ../shared/schemas: every resource type,
/// property and nested field exists, every required input is present, every provider is pinned to the
/// schema's version, every <c>fn::invoke</c> names a real function, argument and return field, and every
/// <c>${resource.output}</c> names a real output. Returns the problems; an empty list is a pass.
/// </summary>
internal sealed partial class SchemaConformance
{
    private readonly Dictionary<string, JsonElement> packages = new(StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{([a-zA-Z][a-zA-Z0-9-]*)((?:\.[a-zA-Z][a-zA-Z0-9]*|\[\d+\])*)\}")]
    private static partial Regex ReferencePattern();

    public static string SchemaDirectory => Path.GetFullPath(Path.Combine(Dc9Synth.RepoRoot, "..", "shared", "schemas"));

    private JsonElement Package(string name)
    {
        if (packages.TryGetValue(name, out var schema)) return schema;
        var path = Path.Combine(SchemaDirectory, $"{name}.json");
        Assert.True(File.Exists(path),
            $"SCHEMAS MISSING: {path} does not exist. The provider schemas must sit beside the repository (../shared/schemas); " +
            "without them schema conformance cannot be checked.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return packages[name] = document.RootElement.Clone();
    }

    public List<string> Check(YamlMappingNode program)
    {
        var problems = new List<string>();
        var resources = (YamlMappingNode)program["resources"];
        var types = resources.Children.ToDictionary(r => ((YamlScalarNode)r.Key).Value!, r => ((YamlScalarNode)r.Value["type"]).Value!);
        var versions = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, "versions.json"))).RootElement;

        foreach (var (key, node) in resources.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var type = types[name];
            var resource = (YamlMappingNode)node;
            var properties = resource.Children.TryGetValue(new YamlScalarNode("properties"), out var p) ? (YamlMappingNode)p : new YamlMappingNode();
            if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            {
                var package = type["pulumi:providers:".Length..];
                var schema = Package(package);
                var version = ((YamlScalarNode)resource["options"]["version"]).Value;
                if (version != versions.GetProperty(package).GetString()) problems.Add($"{name}: version {version} is not the pinned {versions.GetProperty(package)}");
                CheckObject(problems, schema, $"{name} (provider)", properties, schema.GetProperty("provider"), "inputProperties", "requiredInputs");
                continue;
            }
            var packageName = type.Split(':')[0];
            var tokens = Package(packageName).GetProperty("resources");
            if (!tokens.TryGetProperty(type, out var spec))
            {
                problems.Add($"{name}: unknown resource type {type}");
                continue;
            }
            CheckObject(problems, Package(packageName), name, properties, spec, "inputProperties", "requiredInputs");
        }

        // References and invokes anywhere in the program.
        Walk(program, node =>
        {
            if (node is YamlScalarNode { Value: { } text })
                foreach (Match match in ReferencePattern().Matches(text))
                {
                    var root = match.Groups[1].Value;
                    if (!types.TryGetValue(root, out var type) || type.StartsWith("pulumi:providers:", StringComparison.Ordinal)) continue;
                    var first = match.Groups[2].Value.TrimStart('.').Split('.', '[')[0];
                    if (first.Length == 0 || first is "id" or "urn") continue;
                    var spec = Package(type.Split(':')[0]).GetProperty("resources").GetProperty(type);
                    if (!spec.GetProperty("properties").TryGetProperty(first, out _) && !spec.GetProperty("inputProperties").TryGetProperty(first, out _))
                        problems.Add($"reference {match.Value}: {type} has no output '{first}'");
                }
            if (node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("fn::invoke"), out var invoke))
                CheckInvoke(problems, (YamlMappingNode)invoke);
        });
        return problems;
    }

    private void CheckInvoke(List<string> problems, YamlMappingNode invoke)
    {
        var function = ((YamlScalarNode)invoke["function"]).Value!;
        if (!Package(function.Split(':')[0]).GetProperty("functions").TryGetProperty(function, out var spec))
        {
            problems.Add($"fn::invoke: unknown function {function}");
            return;
        }
        if (invoke.Children.TryGetValue(new YamlScalarNode("arguments"), out var arguments))
            CheckObject(problems, Package(function.Split(':')[0]), $"fn::invoke {function}", (YamlMappingNode)arguments, spec.GetProperty("inputs"), "properties", "required");
        if (invoke.Children.TryGetValue(new YamlScalarNode("return"), out var ret)
            && !spec.GetProperty("outputs").GetProperty("properties").TryGetProperty(((YamlScalarNode)ret).Value!, out _))
            problems.Add($"fn::invoke {function}: no output '{ret}'");
    }

    private void CheckObject(List<string> problems, JsonElement schema, string where, YamlMappingNode value, JsonElement spec, string propertiesKey, string requiredKey)
    {
        if (IsExpression(value)) return;
        var declared = spec.TryGetProperty(propertiesKey, out var props) ? props : default;
        foreach (var (key, child) in value.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(name, out var propertySpec))
            {
                problems.Add($"{where}: unknown property '{name}'");
                continue;
            }
            CheckValue(problems, schema, $"{where}.{name}", child, propertySpec);
        }
        if (spec.TryGetProperty(requiredKey, out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.Children.ContainsKey(new YamlScalarNode(name)))
                    problems.Add($"{where}: required input '{name}' is missing");
    }

    private void CheckValue(List<string> problems, JsonElement schema, string where, YamlNode value, JsonElement spec)
    {
        if (IsExpression(value)) return;
        if (spec.TryGetProperty("$ref", out var reference))
        {
            var token = reference.GetString()!.Replace("#/types/", "");
            if (token.StartsWith("pulumi.json#", StringComparison.Ordinal)) return;
            if (!schema.GetProperty("types").TryGetProperty(token, out var type))
            {
                problems.Add($"{where}: schema type {token} missing");
                return;
            }
            if (type.TryGetProperty("enum", out var members))
            {
                var text = (value as YamlScalarNode)?.Value;
                if (!members.EnumerateArray().Any(m => m.GetProperty("value").ToString() == text)) problems.Add($"{where}: '{text}' is not one of the enum values");
                return;
            }
            if (value is not YamlMappingNode map) { problems.Add($"{where}: expected an object of type {token}"); return; }
            CheckObject(problems, schema, where, map, type, "properties", "required");
            return;
        }
        var kind = spec.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (kind)
        {
            case "array" when value is YamlSequenceNode list:
                var i = 0;
                foreach (var item in list) CheckValue(problems, schema, $"{where}[{i++}]", item, spec.GetProperty("items"));
                break;
            case "array":
                problems.Add($"{where}: expected a list");
                break;
            case "object" when value is not YamlMappingNode:
                problems.Add($"{where}: expected an object");
                break;
            case "string" or "integer" or "number" or "boolean" when value is not YamlScalarNode:
                problems.Add($"{where}: expected a {kind}");
                break;
            case "integer" or "number" when !double.TryParse(((YamlScalarNode)value).Value, System.Globalization.CultureInfo.InvariantCulture, out _):
                problems.Add($"{where}: expected a {kind}, got '{value}'");
                break;
            case "boolean" when ((YamlScalarNode)value).Value is not ("true" or "false"):
                problems.Add($"{where}: expected a boolean, got '{value}'");
                break;
        }
    }

    /// <summary>Values computed at deployment: a whole-value reference or a built-in function call.</summary>
    private static bool IsExpression(YamlNode node) =>
        node is YamlScalarNode { Value: { } text } && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}')
        || node is YamlMappingNode { Children.Count: 1 } map && ((YamlScalarNode)map.Children.Keys.First()).Value!.StartsWith("fn::", StringComparison.Ordinal);

    private static void Walk(YamlNode node, Action<YamlNode> visit)
    {
        visit(node);
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (_, child) in map.Children) Walk(child, visit);
                break;
            case YamlSequenceNode list:
                foreach (var child in list) Walk(child, visit);
                break;
        }
    }
}
