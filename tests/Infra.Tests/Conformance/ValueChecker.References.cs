using YamlDotNet.RepresentationModel;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// <c>${...}</c>: the root is a resource, variable or config key; a resource's property is one of
/// its outputs or inputs, followed as deep as the schema tells. <c>provider: ${p}</c> names a provider
/// resource of the right package.
/// </summary>
internal sealed partial class ValueChecker
{
    private void CheckInterpolations(string text, string path, List<ConformanceViolation> sink)
    {
        var (references, unterminated) = Interpolations.Find(text);
        if (unterminated) sink.Add(Violation(path, "'${' is never closed (write '$$' for a literal '$')"));
        foreach (var reference in references) CheckReference(reference, path, sink);
    }

    private void CheckReference(string text, string path, List<ConformanceViolation> sink)
    {
        if (PropertyAccess.Parse(text) is not { } access)
        {
            sink.Add(Violation(path, $"'${{{text}}}' is not a property access like ${{resource.property}}"));
            return;
        }
        if (!symbols.Resources.TryGetValue(access.Root, out var resource))
        {
            if (!symbols.IsVariableOrConfig(access.Root))
                sink.Add(Violation(path, $"unknown reference '${{{text}}}': '{access.Root}' is not a resource, variable or config key of the program"));
            return;
        }
        if (resource.Schema is not { } schema || access.Segments.Count == 0) return;

        if (access.Segments[0].Key is not { } first)
        {
            sink.Add(Violation(path, $"'${{{text}}}': a resource cannot be indexed"));
            return;
        }
        if (first is "id" or "urn") return;
        var spec = PropertySpec.Find(schema.Outputs, first, schema.Package) ?? PropertySpec.Find(schema.Inputs, first, schema.Package);
        if (spec is null)
        {
            sink.Add(Violation(path, $"unknown property in '${{{text}}}': {schema.Token} has no output '{first}'{Suggestion(schema.Outputs, first)}"));
            return;
        }
        FollowSegments(spec.Value, access, path, sink);
    }

    /// <summary>Follows <c>.a[0].b</c> through object types, lists and maps as far as the schema says what they hold.</summary>
    private void FollowSegments(PropertySpec spec, PropertyAccess access, string path, List<ConformanceViolation> sink)
    {
        foreach (var segment in access.Segments.Skip(1))
        {
            if (segment.Index is not null)
            {
                if (spec.Type != "array" || spec.Items is not { } items) return;
                spec = items;
                continue;
            }
            var key = segment.Key!;
            if (spec.TypeToken is { } token && spec.Package.FindType(token) is { } type && type.TryGetProperty("properties", out var fields))
            {
                if (PropertySpec.Find(fields, key, spec.Package) is not { } field)
                {
                    sink.Add(Violation(path, $"unknown property in '${{{access.Text}}}': {token} has no field '{key}'{Suggestion(fields, key)}"));
                    return;
                }
                spec = field;
            }
            else if (spec.Type == "object" && spec.AdditionalProperties is { } values)
            {
                spec = values;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary><c>provider: ${p}</c> must name a <c>pulumi:providers:PACKAGE</c> resource of the program.</summary>
    public void CheckProviderOption(YamlMappingNode options, string package, string path, List<ConformanceViolation> sink)
    {
        if (!options.Children.TryGetValue(new YamlScalarNode("provider"), out var provider)) return;
        var expected = $"pulumi:providers:{package}";
        var text = (provider as YamlScalarNode)?.Value ?? "";
        var access = Interpolations.Find(text).References is [var only] && text == $"${{{only}}}" ? PropertyAccess.Parse(only) : null;
        if (access is null || access.Segments.Count > 0)
        {
            sink.Add(Violation($"{path}.provider", $"expected a reference to a {expected} resource, like ${{{package}Provider}}"));
            return;
        }
        if (!symbols.Resources.TryGetValue(access.Root, out var resource))
        {
            // An undeclared root is already reported as an unknown reference.
            if (symbols.IsVariableOrConfig(access.Root))
                sink.Add(Violation($"{path}.provider", $"'{access.Root}' is not a resource; this needs a {expected} resource"));
            return;
        }
        if (!string.Equals(resource.Type, expected, StringComparison.OrdinalIgnoreCase))
            sink.Add(Violation($"{path}.provider", $"'{access.Root}' is a {resource.Type}, but this needs a {expected}"));
    }
}
