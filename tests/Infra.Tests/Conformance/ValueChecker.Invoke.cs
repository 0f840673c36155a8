using YamlDotNet.RepresentationModel;

namespace Infra.Tests.SchemaConformance;

/// <summary><c>fn::invoke</c>: the function exists, its arguments are its inputs, its <c>return</c> is one of its outputs, its provider is of its package.</summary>
internal sealed partial class ValueChecker
{
    private static readonly HashSet<string> InvokeKeys = ["function", "arguments", "options", "return"];

    private void CheckInvoke(YamlNode argument, string path, List<ConformanceViolation> sink)
    {
        if (argument is not YamlMappingNode invoke)
        {
            sink.Add(Violation(path, "fn::invoke takes a mapping with 'function', 'arguments' and optionally 'return' and 'options'"));
            return;
        }
        foreach (var key in invoke.Children.Keys.Select(KeyText).Where(k => !InvokeKeys.Contains(k)))
            sink.Add(Violation($"{path}.{key}", $"fn::invoke has no key '{key}' (it takes {string.Join(", ", InvokeKeys)})"));

        var token = ProgramSymbols.ScalarIn(invoke, "function");
        var function = token is null ? null : schemas.FindFunction(token);
        if (token is null) sink.Add(Violation($"{path}.function", "fn::invoke names no function"));
        else if (function is null) sink.Add(Violation($"{path}.function", $"unknown function '{token}'"));

        invoke.Children.TryGetValue(new YamlScalarNode("arguments"), out var arguments);
        // Arguments given as one computed value (${...} or fn::) cannot be checked name by name.
        var literalArguments = arguments is null || arguments is YamlMappingNode && !YamlScalars.IsBuiltInCall(arguments, out _, out _);
        if (function is not null && literalArguments)
            CheckFields(arguments ?? new YamlMappingNode(), function.Inputs, function.RequiredInputs, function.Package,
                function.Token, "argument", checkRequired: true, $"{path}.arguments", sink);
        else if (arguments is not null)
            Check(arguments, null, $"{path}.arguments", sink);

        if (ProgramSymbols.ScalarIn(invoke, "return") is { } returned && function is not null
            && PropertySpec.Find(function.Outputs, returned, function.Package) is null)
            sink.Add(Violation($"{path}.return", $"'{returned}' is not an output of {function.Token}{Suggestion(function.Outputs, returned)}"));

        if (invoke.Children.TryGetValue(new YamlScalarNode("options"), out var options))
        {
            Check(options, null, $"{path}.options", sink);
            if (function is not null && options is YamlMappingNode optionMap)
                CheckProviderOption(optionMap, function.Package.Name, $"{path}.options", sink);
        }
    }
}
