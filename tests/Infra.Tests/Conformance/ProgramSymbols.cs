using YamlDotNet.RepresentationModel;

namespace Infra.Tests.SchemaConformance;

/// <summary>A resource of the program: its logical name, its type as written, and its schema when the type resolves.</summary>
internal sealed record DeclaredResource(string Name, string Type, ResourceSchema? Schema);

/// <summary>The names a <c>${...}</c> reference may start with: the program's resources, variables and config keys.</summary>
internal sealed class ProgramSymbols
{
    private readonly HashSet<string> variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> configKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeclaredResource> resources = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DeclaredResource> Resources => resources;

    public static ProgramSymbols Collect(YamlMappingNode program, ProviderSchemas schemas)
    {
        var symbols = new ProgramSymbols();
        foreach (var name in KeysOf(program, "variables")) symbols.variables.Add(name);
        foreach (var key in KeysOf(program, "config").Concat(KeysOf(program, "configuration")))
        {
            symbols.configKeys.Add(key);
            // Pulumi YAML strips the project's namespace (infra:tier is also ${tier}); the project
            // name is not in the program, so any namespace is stripped.
            if (key.LastIndexOf(':') is var colon and >= 0) symbols.configKeys.Add(key[(colon + 1)..]);
        }
        if (Section(program, "resources") is { } declared)
        {
            foreach (var (key, value) in declared.Children)
            {
                if (key is not YamlScalarNode { Value: { } name }) continue;
                var type = value is YamlMappingNode body ? ScalarIn(body, "type") ?? "" : "";
                symbols.resources[name] = new DeclaredResource(name, type, type.Length == 0 ? null : schemas.FindResource(type));
            }
        }
        return symbols;
    }

    /// <summary>Variables, config keys and Pulumi's own <c>${pulumi.stack}</c> family.</summary>
    public bool IsVariableOrConfig(string root) => root == "pulumi" || variables.Contains(root) || configKeys.Contains(root);

    public static YamlMappingNode? Section(YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlMappingNode : null;

    public static string? ScalarIn(YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlScalarNode { Value: { } text } ? text : null;

    private static IEnumerable<string> KeysOf(YamlMappingNode program, string section) =>
        Section(program, section)?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") ?? [];
}
