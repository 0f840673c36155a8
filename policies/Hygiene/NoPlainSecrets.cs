using System.Text.RegularExpressions;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Hygiene;

/// <summary>
/// HYG-007: a secret is never a plain literal in the program: not a <c>PASSWORD=literal</c> entry of
/// a container's environment, not a literal in a property named like a secret, not a literal output.
/// Secrets come from secret config (<c>${infra:dbPassword}</c>) or a resource such as RandomPassword.
/// </summary>
public sealed partial class NoPlainSecrets : ProgramPolicy
{
    [GeneratedRegex("(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("^(.*password|secret|token|.*apikey|apitoken|authtoken|privatekey(pem)?|secretkey|accesskey|secretaccesskey|clientsecret|secretstring)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretProperty();

    public override string Id => "HYG-007";
    public override string Title => "Secrets are never plain literals";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var violations = new List<Violation>();
        foreach (var resource in context.Blueprint.Resources)
        {
            if (resource.Type == Tokens.DockerContainer)
            {
                foreach (var entry in Props.List(resource, "envs").OfType<StringLiteral>())
                {
                    var parts = entry.Value.Split('=', 2);
                    if (parts.Length == 2 && parts[1].Length > 0 && SecretName().IsMatch(parts[0]) && !parts[0].EndsWith("_FILE", StringComparison.Ordinal))
                        violations.Add(Violation(resource.Name, $"sets {parts[0]} to a literal in its environment.",
                            $"build it from a secret: Fn.Secret(Text.Interpolate($\"{parts[0]}={{password.Result}}\")) or a secret config key."));
                }
            }
            foreach (var path in LiteralSecretProperties(resource.Properties, ""))
                violations.Add(Violation(resource.Name, $"has a literal value in the secret property {path}.",
                    "reference secret config (${infra:KEY}) or a generated secret (RandomPassword.Result) instead."));
        }
        foreach (var (name, value) in context.Blueprint.Outputs)
            if (SecretProperty().IsMatch(name) && value is StringLiteral { Value.Length: > 0 })
                violations.Add(Violation($"output:{name}", "exports a secret as a plain literal.", "export the generating resource's output (a secret) instead."));
        return (context.Blueprint.Resources.Count + context.Blueprint.Outputs.Count, violations);
    }

    private static IEnumerable<string> LiteralSecretProperties(Expr expr, string path)
    {
        switch (expr)
        {
            case ObjectExpr obj:
                foreach (var (key, value) in obj.Entries)
                {
                    var here = path.Length == 0 ? key : $"{path}.{key}";
                    if (SecretProperty().IsMatch(key) && value is StringLiteral { Value.Length: > 0 }) yield return here;
                    else foreach (var inner in LiteralSecretProperties(value, here)) yield return inner;
                }
                break;
            case ListExpr list:
                for (var i = 0; i < list.Items.Count; i++)
                foreach (var inner in LiteralSecretProperties(list.Items[i], $"{path}[{i}]")) yield return inner;
                break;
        }
    }
}
