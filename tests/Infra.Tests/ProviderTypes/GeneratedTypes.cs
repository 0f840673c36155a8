using System.Reflection;
using Infra.Synthesis;

namespace Infra.Tests.ProviderTypes;

/// <summary>The generated provider types, found by reflection over Infra.Providers.Generated (tests only).</summary>
public static class GeneratedTypes
{
    public const string Namespace = "Infra.Providers.Generated";

    public static IReadOnlyList<Type> All { get; } = typeof(Infra.Providers.PinnedProviders).Assembly.GetTypes()
        .Where(t => t.Namespace == Namespace)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<Type> Resources => All.Where(t => t.IsSubclassOf(typeof(Resource)) && !t.IsSubclassOf(typeof(ProviderResource)));

    public static IEnumerable<Type> Providers => All.Where(t => t.IsSubclassOf(typeof(ProviderResource)));

    public static IEnumerable<Type> Args => All.Where(t => t.IsSubclassOf(typeof(Args)));

    /// <summary>Function result classes: they carry the function token.</summary>
    public static IEnumerable<Type> FunctionResults => All.Where(t => typeof(IExpressible).IsAssignableFrom(t) && t.Name.EndsWith("Result", StringComparison.Ordinal)
        && t.GetField("Token") is not null);

    public static string? TokenOf(Type type) => (string?)type.GetField("Token", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);

    /// <summary>The args class a resource or provider constructor takes.</summary>
    public static Type ArgsOf(Type resource) => resource.GetConstructors().Single()
        .GetParameters().Select(p => p.ParameterType).Single(t => t.IsSubclassOf(typeof(Args)));

    /// <summary>The static method that invokes a function, by its result class.</summary>
    public static MethodInfo InvokeMethodOf(Type result) => result.DeclaringType!
        .GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.ReturnType == result);

    public static Type ArgsOfFunction(Type result) => InvokeMethodOf(result).GetParameters()[1].ParameterType;

    public static Type ByName(string fullName) => All.Single(t => t.FullName == fullName);
}
