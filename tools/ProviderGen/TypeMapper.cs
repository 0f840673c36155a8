using System.Globalization;
using System.Text.Json;

namespace Infra.Tools.ProviderGen;

/// <summary>
/// The C# spelling of schema types inside one package, and the generated expression that serializes a
/// value. Inputs: <c>Input&lt;T&gt;</c> for scalars and enums, the args class for objects, read-only
/// lists and maps of those, <c>object</c> for anything (<c>Any</c>, unions). Outputs: <c>Output&lt;T&gt;</c>.
/// </summary>
public sealed class TypeMapper(CSharpModel model, string packageClass)
{
    private const string Synthesis = "global::Infra.Synthesis.";
    private const string Expressions = "global::Infra.Synthesis.Expressions.";
    private const string Providers = "global::Infra.Providers.";

    /// <summary>A Synthesis (or Infra.Providers) type by its simple name, qualified only if the package declares the same name.</summary>
    public string Core(string name) => !model.IsShadowedIn(packageClass, name) ? name
        : name switch
        {
            "Expr" or "ObjectExpr" or "ListExpr" or "StringLiteral" or "NumberLiteral" or "BoolLiteral" => Expressions + name,
            "ArgsWriter" or "PinnedProviders" => Providers + name,
            _ => Synthesis + name,
        };

    /// <summary>A generated type by token: <c>Aws.Ec2.LaunchTemplateMonitoring</c>.</summary>
    public string Ref(string token)
    {
        var place = model.PlaceOfType(token);
        return Ref(place, place.Name);
    }

    public string Class(Naming.Placement place) => Ref(place, place.Name);

    public string Ref(Naming.Placement place, string name)
    {
        var path = string.Join('.', [.. place.Classes, name]);
        return model.IsShadowedIn(packageClass, place.PackageClass) ? $"global::{Naming.RootNamespace}.{path}" : path;
    }

    private static string Scalar(string kind) => kind switch
    {
        "string" => "string",
        "integer" => "int",
        "number" => "double",
        "boolean" => "bool",
        _ => throw new GeneratorException($"unknown scalar type '{kind}'"),
    };

    private string EnumValueType(string token) =>
        Scalar(model.EnumTypes.Single(e => e.Spec.Token == token).Spec.ValueType);

    public string Input(PropertyType type) => type switch
    {
        ScalarType s => $"{Core("Input")}<{Scalar(s.Kind)}>",
        EnumRef { Open: true } e => $"{Core("Input")}<{EnumValueType(e.Token)}>",
        EnumRef e => $"{Core("Input")}<{Ref(e.Token)}>",
        AssetType => $"{Core("Input")}<{Core("Asset")}>",
        ObjectRef o => Ref(o.Token),
        AnyType or UnionType => "object",
        ArrayType a => $"IReadOnlyList<{Input(a.Items)}>",
        MapType m => $"IReadOnlyDictionary<string, {Input(m.Values)}>",
        _ => throw new GeneratorException($"{type} cannot be an input element."),
    };

    /// <summary>The <c>T</c> of <c>Output&lt;T&gt;</c>.</summary>
    public string Output(PropertyType type) => type switch
    {
        ScalarType s => Scalar(s.Kind),
        EnumRef { Open: true } e => EnumValueType(e.Token),
        EnumRef e => Ref(e.Token),
        AssetType => Core("Asset"),
        ObjectRef o => Ref(o.Token),
        AnyType or UnionType => "object",
        ArrayType a => $"IReadOnlyList<{Output(a.Items)}>",
        MapType m => $"IReadOnlyDictionary<string, {Output(m.Values)}>",
        ConstType c => c.Value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "double",
            _ => "bool",
        },
        _ => throw new GeneratorException($"{type} has no output type."),
    };

    /// <summary>The expression that turns <paramref name="value"/> (of <see cref="Input"/>'s type) into a program expression.</summary>
    public string Serialize(PropertyType type, string value, int depth = 0)
    {
        var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
        return type switch
        {
            ScalarType or EnumRef or AssetType => $"{value}.Expr",
            ObjectRef => $"{value}.ToObjectExpr()",
            AnyType or UnionType => $"{Core("ExprConverter")}.From({value})",
            ArrayType a => $"{Core("ArgsWriter")}.List({value}, static {item} => {Serialize(a.Items, item, depth + 1)})",
            MapType m => $"{Core("ArgsWriter")}.Map({value}, static {item} => {Serialize(m.Values, item, depth + 1)})",
            _ => throw new GeneratorException($"{type} cannot be serialized as a value."),
        };
    }

    /// <summary>The literal expression of a <c>const</c> property.</summary>
    public string Constant(ConstType constant) => constant.Value.ValueKind switch
    {
        JsonValueKind.String => $"new {Core("StringLiteral")}({Naming.Literal(constant.Value.GetString()!)})",
        JsonValueKind.Number => $"new {Core("NumberLiteral")}({constant.Value.GetRawText()})",
        JsonValueKind.True => $"new {Core("BoolLiteral")}(true)",
        JsonValueKind.False => $"new {Core("BoolLiteral")}(false)",
        _ => throw new GeneratorException($"unsupported const {constant.Value.GetRawText()}"),
    };
}
