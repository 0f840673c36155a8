namespace Infra.Tests.SchemaConformance;

/// <summary>The assertion tier tests use: a program conforms to the provider schemas, or the test fails listing every violation.</summary>
public static class Conformance
{
    public static void AssertConforms(string programYaml)
    {
        var violations = SchemaChecker.Check(programYaml);
        if (violations.Count == 0) return;
        Assert.Fail(
            $"The program breaks the provider schemas in {violations.Count} place(s):{Environment.NewLine}" +
            string.Join(Environment.NewLine, violations));
    }
}
