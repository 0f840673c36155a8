using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// Checks a Pulumi YAML program against the provider schemas: resource types, property names and
/// types, required inputs, nested objects, enums, references, <c>fn::invoke</c>, providers and their
/// pinned versions. Returns every violation found, in program order.
/// </summary>
public static class SchemaChecker
{
    private const string ProvidersPrefix = "pulumi:providers:";
    private static readonly HashSet<string> ResourceKeys = ["type", "properties", "options", "get", "defaultProvider"];

    /// <param name="schemas">Defaults to <see cref="ProviderSchemas.Shared"/>, the schemas beside the repository.</param>
    public static IReadOnlyList<ConformanceViolation> Check(string programYaml, ProviderSchemas? schemas = null)
    {
        schemas ??= ProviderSchemas.Shared;
        YamlMappingNode program;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(programYaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
                return [new ConformanceViolation("(program)", "", "a program is one YAML document holding a mapping")];
            program = root;
        }
        catch (YamlException e)
        {
            return [new ConformanceViolation("(program)", "", $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}")];
        }
        catch (ArgumentException e) // a duplicate key
        {
            return [new ConformanceViolation("(program)", "", $"not valid YAML: {e.Message}")];
        }

        var symbols = ProgramSymbols.Collect(program, schemas);
        var violations = new List<ConformanceViolation>();
        foreach (var (name, body) in Entries(program, "resources"))
            CheckResource(name, body, symbols, schemas, violations);
        foreach (var section in new[] { "variables", "outputs" })
        {
            foreach (var (name, value) in Entries(program, section))
                new ValueChecker(schemas, symbols, $"{section}.{name}").Check(value, null, "", violations);
        }
        return violations;
    }

    private static void CheckResource(
        string name, YamlNode node, ProgramSymbols symbols, ProviderSchemas schemas, List<ConformanceViolation> violations)
    {
        void Add(string path, string message) => violations.Add(new ConformanceViolation(name, path, message));
        var values = new ValueChecker(schemas, symbols, name);

        if (node is not YamlMappingNode body)
        {
            Add("", "a resource is a mapping with 'type', 'properties' and 'options'");
            return;
        }
        foreach (var key in body.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Where(k => !ResourceKeys.Contains(k)))
            Add(key, $"unknown resource key '{key}' (a resource has {string.Join(", ", ResourceKeys)})");

        var type = ProgramSymbols.ScalarIn(body, "type");
        var schema = symbols.Resources[name].Schema;
        if (type is null) Add("type", "the resource has no type");
        else if (schema is null) Add("type", UnknownType(type, schemas));
        else if (schema.IsOverlay) Add("type", $"{schema.Token} is an SDK-side overlay that Pulumi YAML refuses");

        var hasGet = body.Children.ContainsKey(new YamlScalarNode("get"));
        body.Children.TryGetValue(new YamlScalarNode("properties"), out var properties);
        if (schema is null)
        {
            if (properties is not null) values.Check(properties, null, "properties", violations);
        }
        else if (properties is not null || !hasGet)
        {
            values.CheckFields(properties ?? new YamlMappingNode(), schema.Inputs, schema.RequiredInputs, schema.Package,
                schema.Token, "input property", checkRequired: !hasGet, "properties", violations);
        }

        body.Children.TryGetValue(new YamlScalarNode("options"), out var optionsNode);
        if (optionsNode is not null) values.Check(optionsNode, null, "options", violations);
        var options = optionsNode as YamlMappingNode;
        var isProvider = type?.StartsWith(ProvidersPrefix, StringComparison.OrdinalIgnoreCase) == true;
        var package = isProvider ? type![ProvidersPrefix.Length..] : TokenResolution.PackageOf(schema?.Token ?? type ?? "");

        if (options is not null && !isProvider && schema is not null && package != "pulumi")
            values.CheckProviderOption(options, package, "options", violations);
        CheckVersion(options, package, isProvider, schemas, Add);

        if (body.Children.TryGetValue(new YamlScalarNode("get"), out var get)) values.Check(get, null, "get", violations);
    }

    /// <summary>Every provider resource pins the version in versions.json; any other resource that names a version names that one.</summary>
    private static void CheckVersion(YamlMappingNode? options, string package, bool isProvider, ProviderSchemas schemas, Action<string, string> add)
    {
        var version = options is null ? null : ProgramSymbols.ScalarIn(options, "version");
        if (version is null && !isProvider) return;
        if (!schemas.Versions.TryGetValue(package, out var pinned))
        {
            if (isProvider) add("options.version", $"versions.json pins no version for provider '{package}'");
            return;
        }
        if (version is null) add("options.version", $"a provider resource must pin its version: version: {pinned}");
        else if (version != pinned) add("options.version", $"version {version} is not the pinned {package} version {pinned} (versions.json)");
    }

    private static string UnknownType(string type, ProviderSchemas schemas)
    {
        var package = type.StartsWith(ProvidersPrefix, StringComparison.OrdinalIgnoreCase)
            ? type[ProvidersPrefix.Length..]
            : TokenResolution.PackageOf(type);
        return schemas.Package(package) is null
            ? $"unknown resource type '{type}': there is no schema for package '{package}' in {schemas.Directory}"
            : $"unknown resource type '{type}': package '{package}' has no such resource";
    }

    private static IEnumerable<(string Name, YamlNode Value)> Entries(YamlMappingNode program, string section) =>
        ProgramSymbols.Section(program, section)?.Children
            .Where(e => e.Key is YamlScalarNode)
            .Select(e => (((YamlScalarNode)e.Key).Value ?? "", e.Value)) ?? [];
}
