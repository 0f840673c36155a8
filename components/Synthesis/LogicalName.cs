using System.Text.RegularExpressions;

namespace Infra.Synthesis;

/// <summary>
/// Rules for logical names (resource, variable and output keys of the program). Resource names are
/// kebab-case: they become prefixes of physical names in the cloud and appear in <c>${name.prop}</c>.
/// </summary>
public static partial class LogicalName
{
    public const int MaxLength = 100;

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabName();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabPart();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]*$")]
    private static partial Regex CamelName();

    /// <summary>Joins a scope prefix and a local id: <c>db</c> + <c>volume</c> = <c>db-volume</c>.</summary>
    public static string Join(string prefix, string id) => prefix.Length == 0 ? id : $"{prefix}-{id}";

    public static void CheckId(string id, string what)
    {
        if (!KebabPart().IsMatch(id))
            throw new SynthesisException(
                $"'{id}' is not a valid {what} id: use lower-case letters, digits and single hyphens (e.g. 'db-volume').");
    }

    public static void CheckResourceName(string name)
    {
        if (!KebabName().IsMatch(name))
            throw new SynthesisException(
                $"'{name}' is not a valid resource name: it must start with a letter and use lower-case letters, digits and single hyphens.");
        if (name.Length > MaxLength)
            throw new SynthesisException(
                $"Resource name '{name}' is {name.Length} characters long; the limit is {MaxLength}. Use shorter component or resource ids.");
    }

    /// <summary>Variables and outputs are camelCase, like Pulumi stack outputs.</summary>
    public static void CheckCamelName(string name, string what)
    {
        if (!CamelName().IsMatch(name))
            throw new SynthesisException($"'{name}' is not a valid {what} name: use camelCase letters and digits (e.g. 'appUrl').");
    }
}
