using System.Reflection;
using System.Text.Json;
using Infra.Synthesis;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// Every hand-written provider resource of Infra.Providers, checked against ../shared/schemas: its token
/// exists, and every property of its arguments (and of their nested argument types) is an input the
/// schema knows — including properties no tier sets today.
/// </summary>
public class TypedProviderResourcesTests
{
    private static readonly Assembly Providers = typeof(Infra.Providers.PinnedProviders).Assembly;

    /// <summary>The generated types have their own, stricter tests (tests/Infra.Tests/ProviderTypes).</summary>
    private static IEnumerable<Type> HandWritten => Providers.GetTypes()
        .Where(t => t.Namespace?.StartsWith("Infra.Providers.Generated", StringComparison.Ordinal) != true);

    public static TheoryData<string> ResourceTypes => new(HandWritten
        .Where(t => t.IsSubclassOf(typeof(Resource)) && !t.IsAbstract && !t.IsSubclassOf(typeof(ProviderResource)))
        .Select(t => t.FullName!));

    public static TheoryData<string> ProviderTypes => new(HandWritten
        .Where(t => t.IsSubclassOf(typeof(ProviderResource)) && !t.IsAbstract)
        .Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(ResourceTypes))]
    public void Resource_token_and_arguments_match_the_schema(string typeName)
    {
        var type = Providers.GetType(typeName)!;
        var token = (string?)type.GetField("Token")?.GetValue(null);
        Assert.False(token is null, $"{type.Name} must declare `public const string Token`.");
        var schema = ProviderSchemas.Shared.FindResource(token!);
        Assert.False(schema is null, $"{type.Name}.Token '{token}' is not a resource of the schemas.");
        Assert.Equal(token, schema!.Token);
        var problems = new List<string>();
        CheckArgs(ArgsTypeOf(type), schema.Inputs, schema.Package, type.Name, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(ProviderTypes))]
    public void Provider_arguments_match_the_provider_schema(string typeName)
    {
        var type = Providers.GetType(typeName)!;
        var instance = (ProviderResource)Activator.CreateInstance(type, ConstructorArguments(type))!;
        var schema = ProviderSchemas.Shared.FindResource(instance.Type)!;
        var problems = new List<string>();
        if (ArgsTypeOf(type) is { } args) CheckArgs(args, schema.Inputs, schema.Package, type.Name, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static object?[] ConstructorArguments(Type type)
    {
        var parameters = type.GetConstructors()[0].GetParameters();
        return parameters.Select(p => p.ParameterType == typeof(Scope) ? (object?)new Blueprint("check")
            : p.ParameterType == typeof(string) ? "provider" : null).ToArray();
    }

    private static Type? ArgsTypeOf(Type resource) => resource.GetConstructors()
        .SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
        .FirstOrDefault(t => t.IsSubclassOf(typeof(Args)));

    private static void CheckArgs(Type? args, JsonElement properties, SchemaPackage package, string path, List<string> problems)
    {
        if (args is null) return;
        foreach (var property in args.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var wire = property.GetCustomAttribute<WireNameAttribute>()?.Name ?? ArgsSerializer.CamelCase(property.Name);
            var where = $"{path}.{property.Name}";
            if (PropertySpec.Find(properties, wire, package) is not { } spec)
            {
                problems.Add($"{where}: '{wire}' is not an input of the schema.");
                continue;
            }
            if (NestedArgs(property.PropertyType) is not { } nested) continue;
            var target = spec.Items ?? spec.AdditionalProperties ?? spec;
            if (target.TypeToken is not { } token || package.FindType(token) is not { } typeSchema
                || !typeSchema.TryGetProperty("properties", out var nestedProperties))
            {
                problems.Add($"{where}: is an object type in C# but not in the schema.");
                continue;
            }
            CheckArgs(nested, nestedProperties, package, where, problems);
        }
    }

    /// <summary>The Args type inside Input&lt;T&gt;, lists and dictionaries, if any.</summary>
    private static Type? NestedArgs(Type type)
    {
        if (type.IsSubclassOf(typeof(Args))) return type;
        if (type.IsGenericType) return type.GetGenericArguments().Select(NestedArgs).FirstOrDefault(t => t is not null);
        return type.IsArray ? NestedArgs(type.GetElementType()!) : null;
    }
}
