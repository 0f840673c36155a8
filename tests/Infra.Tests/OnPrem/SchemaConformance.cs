using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.OnPrem;

/// <summary>
/// Checks a synthesized program against the provider schemas in ../shared/schemas: resource types,
/// property names (nested types too), required inputs and pinned provider versions. Values that are
/// expressions (<c>${...}</c>, <c>fn::*</c>) are not typed here.
/// </summary>
internal sealed class SchemaConformance
{
    private readonly string directory;
    private readonly Dictionary<string, JsonElement> schemas = [];
    private readonly Dictionary<string, string> versions;

    private SchemaConformance(string directory)
    {
        this.directory = directory;
        versions = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(directory, "versions.json")))!;
    }

    public static SchemaConformance Load()
    {
        var directory = Path.GetFullPath(Path.Combine(OnPrem3Stack.Project.Root, "..", "shared", "schemas"));
        if (!File.Exists(Path.Combine(directory, "versions.json")))
            throw new InvalidOperationException(
                $"The provider schemas are not at {directory}: schema conformance needs ../shared/schemas beside the repository " +
                "(the shared folder every session and CI has next to the clone).");
        return new SchemaConformance(directory);
    }

    public IReadOnlyList<string> Check(string program)
    {
        var problems = new List<string>();
        var yaml = new YamlStream();
        yaml.Load(new StringReader(program));
        var resources = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["resources"];
        foreach (var (nameNode, bodyNode) in resources.Children)
        {
            var name = nameNode.ToString();
            var body = (YamlMappingNode)bodyNode;
            var type = body["type"].ToString();
            var properties = body.Children.TryGetValue("properties", out var p) ? (YamlMappingNode)p : new YamlMappingNode();

            JsonElement spec;
            string package;
            if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            {
                package = type["pulumi:providers:".Length..];
                var version = body.Children.TryGetValue("options", out var o) && ((YamlMappingNode)o).Children.TryGetValue("version", out var v) ? v.ToString() : null;
                if (version != versions.GetValueOrDefault(package))
                    problems.Add($"{name}: provider {package} version {version ?? "(none)"}, pinned {versions.GetValueOrDefault(package)}");
                if (Schema(package) is not { } providerSchema) { problems.Add($"{name}: no schema for {package}"); continue; }
                spec = providerSchema.GetProperty("provider");
            }
            else
            {
                package = type.Split(':')[0];
                if (Schema(package) is not { } schema) { problems.Add($"{name}: no schema for package {package}"); continue; }
                if (!schema.GetProperty("resources").TryGetProperty(type, out spec)) { problems.Add($"{name}: unknown resource type {type}"); continue; }
            }
            CheckObject(package, name, spec, "inputProperties", "requiredInputs", properties, problems);
        }
        return problems;
    }

    private void CheckObject(string package, string where, JsonElement spec, string propertiesKey, string requiredKey,
        YamlMappingNode value, List<string> problems)
    {
        var known = spec.TryGetProperty(propertiesKey, out var props) ? props : default;
        foreach (var (keyNode, child) in value.Children)
        {
            var key = keyNode.ToString();
            if (known.ValueKind != JsonValueKind.Object || !known.TryGetProperty(key, out var propertySpec))
            {
                problems.Add($"{where}: unknown property '{key}'");
                continue;
            }
            CheckValue(package, $"{where}.{key}", propertySpec, child, problems);
        }
        if (spec.TryGetProperty(requiredKey, out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.Children.ContainsKey(name)) problems.Add($"{where}: required input '{name}' is missing");
        }
    }

    private void CheckValue(string package, string where, JsonElement spec, YamlNode value, List<string> problems)
    {
        if (value is YamlMappingNode call && call.Children.Count == 1 && call.Children.Keys.First().ToString().StartsWith("fn::", StringComparison.Ordinal))
            return; // an expression: typed by Pulumi at deployment
        if (spec.TryGetProperty("$ref", out var reference))
        {
            if (value is not YamlMappingNode map) { problems.Add($"{where}: expected an object"); return; }
            var token = reference.GetString()!["#/types/".Length..];
            if (!Schema(package)!.Value.GetProperty("types").TryGetProperty(token, out var typeSpec)) { problems.Add($"{where}: unknown type {token}"); return; }
            CheckObject(package, where, typeSpec, "properties", "required", map, problems);
            return;
        }
        var type = spec.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "array" when value is YamlSequenceNode list:
                var i = 0;
                foreach (var item in list) CheckValue(package, $"{where}[{i++}]", spec.GetProperty("items"), item, problems);
                break;
            case "array":
                problems.Add($"{where}: expected a list");
                break;
            case "object" when value is not YamlMappingNode:
                problems.Add($"{where}: expected a map");
                break;
            case "string" or "integer" or "number" or "boolean" when value is not YamlScalarNode:
                problems.Add($"{where}: expected a {type}");
                break;
            case "integer" when value is YamlScalarNode s && !s.Value!.StartsWith("${", StringComparison.Ordinal) && !long.TryParse(s.Value, out _):
                problems.Add($"{where}: '{s.Value}' is not an integer");
                break;
            case "boolean" when value is YamlScalarNode s && !s.Value!.StartsWith("${", StringComparison.Ordinal) && s.Value is not ("true" or "false"):
                problems.Add($"{where}: '{s.Value}' is not a boolean");
                break;
        }
    }

    private JsonElement? Schema(string package)
    {
        if (schemas.TryGetValue(package, out var cached)) return cached;
        var path = Path.Combine(directory, $"{package}.json");
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return schemas[package] = doc.RootElement.Clone();
    }
}
