using System.Text.Json;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.SchemaConformance;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// Every generated resource, provider and function, filled completely and with only its required
/// inputs, gives a program that the schema checker accepts; and every generated args class writes
/// exactly the schema's properties, requiring exactly the schema's required ones (at compile time:
/// the C# <c>required</c> modifier).
/// </summary>
public sealed class GeneratedTypesConformanceTests
{
    public static TheoryData<string> ResourceTypes => new(GeneratedTypes.Resources.Select(t => t.FullName!));

    public static TheoryData<string> FunctionResults => new(GeneratedTypes.FunctionResults.Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(ResourceTypes))]
    public void A_resource_filled_completely_or_minimally_conforms_to_the_schema(string typeName)
    {
        var type = GeneratedTypes.ByName(typeName);
        var args = GeneratedTypes.ArgsOf(type);
        var blueprint = ProviderBlueprint.New();

        Activator.CreateInstance(type, blueprint, "complete", SampleArgs.Build(args, everything: true, nestedEverything: true), null);
        Activator.CreateInstance(type, blueprint, "minimal", SampleArgs.Build(args, everything: false, nestedEverything: false), null);

        var yaml = blueprint.ToYaml();
        Assert.Contains($"type: {GeneratedTypes.TokenOf(type)}", yaml);
        Conformance.AssertConforms(yaml);
    }

    [Theory]
    [MemberData(nameof(FunctionResults))]
    public void A_function_invoked_with_complete_or_minimal_arguments_conforms_to_the_schema(string resultName)
    {
        var result = GeneratedTypes.ByName(resultName);
        var token = GeneratedTypes.TokenOf(result)!;
        var args = GeneratedTypes.ArgsOfFunction(result);
        var blueprint = ProviderBlueprint.New();
        InvokeOptions options = ProviderBlueprint.ProviderOf(blueprint, token[..token.IndexOf(':')]);

        foreach (var (name, everything) in new[] { ("complete", true), ("minimal", false) })
        {
            var invoked = (IExpressible)GeneratedTypes.InvokeMethodOf(result)
                .Invoke(null, [options, SampleArgs.Build(args, everything, everything)])!;
            blueprint.Variable<object>(name, invoked.Expr);
        }

        var yaml = blueprint.ToYaml();
        Assert.Contains($"function: {token}", yaml);
        Conformance.AssertConforms(yaml);
    }

    [Fact]
    public void Every_provider_filled_completely_conforms_to_the_schema()
    {
        var blueprint = new Blueprint("providers");
        foreach (var provider in GeneratedTypes.Providers)
            Activator.CreateInstance(provider, blueprint, provider.Name.ToLowerInvariant(), SampleArgs.Build(GeneratedTypes.ArgsOf(provider), true, true), null);

        Assert.Equal(9, blueprint.Resources.Count);
        Conformance.AssertConforms(blueprint.ToYaml());
    }

    [Fact]
    public void Every_args_class_writes_exactly_the_schema_properties_and_requires_exactly_the_required_ones()
    {
        var problems = new List<string>();
        var checkedClasses = 0;
        foreach (var (args, properties, required) in ArgsAndSchemas())
        {
            checkedClasses++;
            var all = properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var constants = properties.EnumerateObject().Where(p => p.Value.TryGetProperty("const", out _)).Select(p => p.Name);

            var complete = Keys(SampleArgs.Build(args, everything: true, nestedEverything: false));
            if (!complete.SetEquals(all))
                problems.Add($"{args.FullName}: writes [{string.Join(", ", complete.Order())}], the schema has [{string.Join(", ", all.Order())}]");

            var minimal = Keys(SampleArgs.Build(args, everything: false, nestedEverything: false));
            var expected = required.Concat(constants).ToHashSet(StringComparer.Ordinal);
            if (!minimal.SetEquals(expected))
                problems.Add($"{args.FullName}: requires [{string.Join(", ", minimal.Order())}], the schema requires [{string.Join(", ", expected.Order())}]");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(GeneratedTypes.Args.Count(), checkedClasses);
    }

    [Fact]
    public void No_generated_args_class_falls_back_to_reflection()
    {
        var reflective = GeneratedTypes.Args
            .Where(t => t.GetMethod(nameof(Args.ToObjectExpr))!.DeclaringType != t)
            .Select(t => t.FullName).ToList();

        Assert.Empty(reflective);
    }

    private static HashSet<string> Keys(Args args) => args.ToObjectExpr().Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each generated args class with the schema properties it stands for.</summary>
    private static IEnumerable<(Type Args, JsonElement Properties, IEnumerable<string> Required)> ArgsAndSchemas()
    {
        var schemas = ProviderSchemas.Shared;
        foreach (var resource in GeneratedTypes.Resources)
        {
            var schema = schemas.FindResource(GeneratedTypes.TokenOf(resource)!)!;
            yield return (GeneratedTypes.ArgsOf(resource), schema.Inputs, schema.RequiredInputs);
        }
        foreach (var provider in GeneratedTypes.Providers)
        {
            var package = provider.DeclaringType!.Name.ToLowerInvariant();
            var schema = schemas.FindResource("pulumi:providers:" + package)!;
            yield return (GeneratedTypes.ArgsOf(provider), schema.Inputs, schema.RequiredInputs);
        }
        foreach (var result in GeneratedTypes.FunctionResults)
        {
            var schema = schemas.FindFunction(GeneratedTypes.TokenOf(result)!)!;
            yield return (GeneratedTypes.ArgsOfFunction(result), schema.Inputs, schema.RequiredInputs);
        }
        foreach (var type in GeneratedTypes.Args.Where(t => GeneratedTypes.TokenOf(t) is not null))
        {
            var token = GeneratedTypes.TokenOf(type)!;
            var definition = schemas.Package(token[..token.IndexOf(':')])!.FindType(token)!.Value;
            var required = definition.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!) : [];
            yield return (type, definition.GetProperty("properties"), required);
        }
    }
}
