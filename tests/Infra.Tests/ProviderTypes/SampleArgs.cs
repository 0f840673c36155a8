using System.Reflection;
using Infra.Synthesis;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// Fills generated args by reflection (tests only): every settable property, or only the
/// <c>required</c> ones, each with a sample value of its C# type. Nested args are filled the same way
/// unless that would recurse into a type already being filled (recursive schemas).
/// </summary>
public static class SampleArgs
{
    public const string SampleText = "sample";

    /// <param name="everything">Set every property (else only the required ones).</param>
    /// <param name="nestedEverything">Fill nested args completely too (else only their required properties).</param>
    public static Args Build(Type argsType, bool everything, bool nestedEverything) =>
        Build(argsType, everything, nestedEverything, [])!;

    public static bool IsRequired(PropertyInfo property) => property.GetCustomAttributes()
        .Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");

    public static IEnumerable<PropertyInfo> Settable(Type argsType) => argsType
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite);

    private static Args? Build(Type argsType, bool everything, bool nestedEverything, HashSet<Type> path)
    {
        if (!path.Add(argsType)) return null;
        try
        {
            var args = (Args)Activator.CreateInstance(argsType)!;
            foreach (var property in Settable(argsType))
            {
                var required = IsRequired(property);
                if (!everything && !required) continue;
                var value = Sample(property.PropertyType, nestedEverything, path);
                if (value is null)
                {
                    if (required)
                        throw new InvalidOperationException($"{argsType.FullName}.{property.Name} is required but recursive.");
                    continue;
                }
                property.SetValue(args, value);
            }
            return args;
        }
        finally
        {
            path.Remove(argsType);
        }
    }

    private static object? Sample(Type type, bool everything, HashSet<Type> path)
    {
        if (type == typeof(object)) return SampleText;
        if (typeof(Args).IsAssignableFrom(type)) return Build(type, everything, everything, path);
        if (!type.IsGenericType) throw new NotSupportedException($"No sample for {type}.");
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Input<>)) return Input(arguments[0]);
        if (definition == typeof(IReadOnlyList<>))
        {
            var item = Sample(arguments[0], everything, path);
            if (item is null) return null;
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
            list.Add(item);
            return list;
        }
        if (definition == typeof(IReadOnlyDictionary<,>))
        {
            var value = Sample(arguments[1], everything, path);
            if (value is null) return null;
            var map = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            map.Add("key", value);
            return map;
        }
        throw new NotSupportedException($"No sample for {type}.");
    }

    /// <summary>An <c>Input&lt;T&gt;</c> holding a literal of <typeparamref name="T"/> (an enum's first listed value).</summary>
    private static object Input(Type valueType)
    {
        if (valueType == typeof(Asset)) return Fn.StringAsset(SampleText);
        object literal = valueType == typeof(string) ? SampleText
            : valueType == typeof(int) ? 7
            : valueType == typeof(double) ? 2.5
            : valueType == typeof(bool) ? true
            : valueType.GetFields(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(f => f.FieldType == valueType)?.GetValue(null)
              ?? throw new NotSupportedException($"No sample for Input<{valueType}>.");
        var from = typeof(Input<>).MakeGenericType(valueType).GetMethod(nameof(Input<int>.From))!;
        return from.Invoke(null, [ExprConverter.From(literal)])!;
    }
}
