using Infra.Synthesis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Infra.Tests.Core;

/// <summary>
/// The holes of <see cref="Text.Interpolate"/> are typed, as in .NET Aspire's ReferenceExpression: each
/// snippet is compiled with Roslyn against the synthesis core, so what must not compile is proven not to.
/// </summary>
public sealed class InterpolationHoleTypeTests
{
    private const string Prelude = """
        using System.Collections.Generic;
        using Infra.Synthesis;
        public sealed class R : Resource { public R(Scope s) : base(s, "r", "test:index:R", (Args?)null) { } }
        public static class Snippet
        {
            public static Input<string> Run(R resource, Output<string> text, Output<int> port, Input<string> input,
                Output<IReadOnlyList<string>> names, List<string> list, Output<object> whole)
            {
                return
        """;

    private static IReadOnlyList<Diagnostic> Errors(string expression)
    {
        var source = Prelude + " " + expression + ";\n    }\n}\n";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Text).Assembly.Location));
        var compilation = CSharpCompilation.Create("snippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Theory]
    [InlineData("Text.Interpolate($\"http://{text}:{port}/healthz\")")]
    [InlineData("Text.Interpolate($\"{input}-{\"literal\"}-{42}-{1.5}\")")]
    public void Strings_numbers_and_scalar_outputs_are_accepted(string expression)
    {
        var errors = Errors(expression);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("Text.Interpolate($\"{resource}\")", "a resource")]
    [InlineData("Text.Interpolate($\"{list}\")", "a list")]
    [InlineData("Text.Interpolate($\"{names}\")", "a list output")]
    [InlineData("Text.Interpolate($\"{whole}\")", "an object output")]
    [InlineData("Text.Interpolate($\"{resource.Name}{new object()}\")", "an object")]
    public void A_hole_that_is_no_scalar_is_a_compile_time_error(string expression, string what)
    {
        var errors = Errors(expression);
        Assert.True(errors.Count > 0, $"{what} in a hole compiled: {expression}");
        Assert.Contains(errors, e => e.GetMessage().Contains("AppendFormatted", StringComparison.Ordinal)
                                     || e.Id is "CS1503" or "CS1061" or "CS1929");
    }
}
