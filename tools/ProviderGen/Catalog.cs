using System.Text.Json;

namespace Infra.Tools.ProviderGen;

/// <summary>One property of a resource, function or object type, in schema order.</summary>
public sealed record SchemaProperty(string Wire, PropertyType Type, bool Required, bool Deprecated);

public sealed record ResourceSpec(string Token, IReadOnlyList<SchemaProperty> Inputs, IReadOnlyList<SchemaProperty> Outputs, bool Deprecated);

public sealed record ProviderSpec(string Package, IReadOnlyList<SchemaProperty> Inputs);

public sealed record FunctionSpec(string Token, IReadOnlyList<SchemaProperty> Inputs, IReadOnlyList<SchemaProperty> Outputs, bool Deprecated);

public sealed record ObjectTypeSpec(string Token, IReadOnlyList<SchemaProperty> Properties, bool UsedAsInput, bool UsedAsOutput);

public sealed record EnumValue(string? Name, JsonElement Value);

public sealed record EnumTypeSpec(string Token, string ValueType, IReadOnlyList<EnumValue> Values);

/// <summary>
/// What the allow-list selects from the schemas: its resources, providers and functions, and every
/// object and enum type they reach (through inputs, outputs, lists, maps and unions), nothing else.
/// A type reached from an input becomes a settable args class; one reached only from outputs is a
/// marker type for typed output reads.
/// </summary>
public sealed class Catalog
{
    public IReadOnlyList<ResourceSpec> Resources { get; }
    public IReadOnlyList<ProviderSpec> Providers { get; }
    public IReadOnlyList<FunctionSpec> Functions { get; }
    public IReadOnlyList<ObjectTypeSpec> ObjectTypes { get; }
    public IReadOnlyList<EnumTypeSpec> EnumTypes { get; }

    /// <summary>Every token of the subset, per package: resources and functions (generated or schema-only) and reached types.</summary>
    public IReadOnlyDictionary<string, SubsetTokens> Subset { get; }

    public sealed record SubsetTokens(SortedSet<string> Resources, SortedSet<string> Functions, SortedSet<string> Types, bool Provider);

    private Catalog(IReadOnlyList<ResourceSpec> resources, IReadOnlyList<ProviderSpec> providers, IReadOnlyList<FunctionSpec> functions,
        IReadOnlyList<ObjectTypeSpec> objectTypes, IReadOnlyList<EnumTypeSpec> enumTypes, IReadOnlyDictionary<string, SubsetTokens> subset)
    {
        Resources = resources;
        Providers = providers;
        Functions = functions;
        ObjectTypes = objectTypes;
        EnumTypes = enumTypes;
        Subset = subset;
    }

    public static Catalog Build(SchemaSet schemas, AllowList allowList)
    {
        var resources = new List<ResourceSpec>();
        var providers = new List<ProviderSpec>();
        var functions = new List<FunctionSpec>();
        var inputTypes = new HashSet<string>(StringComparer.Ordinal);
        var outputTypes = new HashSet<string>(StringComparer.Ordinal);
        var subsetTypes = new HashSet<string>(StringComparer.Ordinal); // also reached from schema-only tokens
        var subset = new SortedDictionary<string, SubsetTokens>(StringComparer.Ordinal);
        SubsetTokens SubsetOf(string package)
        {
            if (!subset.TryGetValue(package, out var tokens))
                subset[package] = tokens = new SubsetTokens(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), false);
            return tokens;
        }

        bool IsEnum(string token) => schemas.Type(token) is { } type && type.TryGetProperty("enum", out _);
        IReadOnlyList<SchemaProperty> Read(JsonElement? properties, IReadOnlyList<string> required, string where)
        {
            if (properties is not { } props) return [];
            var requiredSet = required.ToHashSet(StringComparer.Ordinal);
            return props.EnumerateObject().Select(p => new SchemaProperty(
                p.Name, PropertyType.Parse(p.Value, IsEnum, $"{where}.{p.Name}"), requiredSet.Contains(p.Name),
                p.Value.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True)).ToList();
        }

        foreach (var entry in allowList.Entries)
        {
            var token = entry.Token;
            var package = SchemaSet.PackageOf(token);
            var where = $"{Generator.AllowListPath}:{entry.Line}";
            if (SchemaSet.IsProviderToken(token))
            {
                var section = schemas.Provider(package);
                var inputs = Read(SchemaSet.Section(section, "inputProperties"), SchemaSet.Names(section, "requiredInputs"), token);
                subset[package] = SubsetOf(package) with { Provider = true };
                Reach(inputs, subsetTypes);
                if (entry.SchemaOnly) continue;
                Reach(inputs, inputTypes);
                providers.Add(new ProviderSpec(package, inputs));
            }
            else if (schemas.Resource(token) is { } resource)
            {
                var inputs = Read(SchemaSet.Section(resource, "inputProperties"), SchemaSet.Names(resource, "requiredInputs"), token);
                var outputs = Read(SchemaSet.Section(resource, "properties"), SchemaSet.Names(resource, "required"), token);
                SubsetOf(package).Resources.Add(token);
                Reach(inputs.Concat(outputs), subsetTypes);
                if (entry.SchemaOnly) continue;
                if (Flag(resource, "isOverlay") || Flag(resource, "isComponent"))
                    throw new GeneratorException(
                        $"{where}: '{token}' is an SDK overlay or component that Pulumi YAML cannot create as a typed resource; " +
                        $"mark it '{AllowList.SchemaOnlyMarker}' if the tests only look it up.");
                Reach(inputs, inputTypes);
                Reach(outputs, outputTypes);
                resources.Add(new ResourceSpec(token, inputs, outputs, Flag(resource, "deprecated")));
            }
            else if (schemas.Function(token) is { } function)
            {
                var inputSection = SchemaSet.Section(function, "inputs");
                var outputSection = SchemaSet.Section(function, "outputs");
                var inputs = Read(inputSection is { } i ? SchemaSet.Section(i, "properties") : null, SchemaSet.Names(inputSection, "required"), token);
                var outputs = Read(outputSection is { } o ? SchemaSet.Section(o, "properties") : null, SchemaSet.Names(outputSection, "required"), token);
                SubsetOf(package).Functions.Add(token);
                Reach(inputs.Concat(outputs), subsetTypes);
                if (entry.SchemaOnly) continue;
                Reach(inputs, inputTypes);
                Reach(outputs, outputTypes);
                functions.Add(new FunctionSpec(token, inputs, outputs, Flag(function, "deprecated")));
            }
            else
            {
                throw new GeneratorException(
                    $"{where}: '{token}' is neither a resource nor a function of {package}.json (tokens are case-sensitive; " +
                    "copy the exact token from the schema).");
            }
        }

        // Close over the types: a type reached from an input reaches its own properties as inputs, and so on.
        void Reach(IEnumerable<SchemaProperty> properties, HashSet<string> reached)
        {
            var pending = new Stack<string>(properties.SelectMany(p => p.Type.ReferencedTypes()));
            while (pending.Count > 0)
            {
                var token = pending.Pop();
                if (!reached.Add(token)) continue;
                var type = schemas.Type(token) ?? throw new GeneratorException($"The type {token} is referenced but not defined in {SchemaSet.PackageOf(token)}.json.");
                foreach (var property in Read(SchemaSet.Section(type, "properties"), [], token))
                foreach (var next in property.Type.ReferencedTypes())
                    pending.Push(next);
            }
        }

        var objectTypes = new List<ObjectTypeSpec>();
        var enumTypes = new List<EnumTypeSpec>();
        foreach (var token in subsetTypes) SubsetOf(SchemaSet.PackageOf(token)).Types.Add(token);
        foreach (var token in inputTypes.Union(outputTypes).Order(StringComparer.Ordinal))
        {
            var type = schemas.Type(token)!.Value;
            if (type.TryGetProperty("enum", out var values))
            {
                enumTypes.Add(new EnumTypeSpec(token, type.TryGetProperty("type", out var t) ? t.GetString() ?? "string" : "string",
                    values.EnumerateArray().Select(v => new EnumValue(
                        v.TryGetProperty("name", out var n) ? n.GetString() : null, v.GetProperty("value").Clone())).ToList()));
                continue;
            }
            objectTypes.Add(new ObjectTypeSpec(token,
                Read(SchemaSet.Section(type, "properties"), SchemaSet.Names(type, "required"), token),
                inputTypes.Contains(token), outputTypes.Contains(token)));
        }
        return new Catalog(resources, providers, functions, objectTypes, enumTypes, subset);
    }

    private static bool Flag(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True;
}
