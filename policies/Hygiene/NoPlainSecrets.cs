using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Hygiene;

/// <summary>
/// HYG-007: a secret is never a plain literal in the program: not a <c>PASSWORD=literal</c> entry of
/// a container's environment, not a literal in a property named like a secret, not a literal output.
/// Secrets come from secret config (<c>${infra:dbPassword}</c>) or a resource such as RandomPassword.
/// A command's environment (a readiness gate's token and client key) is recorded in the state as the command's
/// output: a variable named like a secret there must be wrapped in <c>fn::secret</c>, whatever it holds.
/// </summary>
public sealed partial class NoPlainSecrets : ProgramPolicy
{
    [GeneratedRegex("(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>An environment variable that holds a secret: its name ends in one of these (READY_TOKEN, not READY_TOKEN_HEADER).</summary>
    [GeneratedRegex("(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|KEY_PEM)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretVariable();

    [GeneratedRegex("^(.*password|secret|token|.*apikey|apitoken|authtoken|privatekey(pem)?|secretkey|accesskey|secretaccesskey|clientsecret|secretstring)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretProperty();

    public override string Id => "HYG-007";
    public override string Title => "Secrets are never plain literals";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var violations = new List<Violation>();
        var secretKeys = new Dictionary<string, bool>(StringComparer.Ordinal); // keys repeat across resources: match each once
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
            if (resource.Type is Tokens.LocalCommand or Tokens.RemoteCommand && Props.Get(resource, "environment") is ObjectExpr environment)
            {
                foreach (var (key, value) in environment.Entries)
                {
                    if (!SecretVariable().IsMatch(key) || value is FunctionCall { Name: "fn::secret" }) continue;
                    violations.Add(value is StringLiteral
                        ? Violation(resource.Name, $"sets {key} to a literal in its environment.",
                            "pass a generated secret or secret config, wrapped: Fn.Secret(token.Result).")
                        : Violation(resource.Name, $"passes {key} in its environment without fn::secret, so the command's recorded environment shows it.",
                            "wrap it: Fn.Secret(value)."));
                }
            }
            foreach (var path in LiteralSecretProperties(resource.Properties, secretKeys))
                violations.Add(Violation(resource.Name, $"has a literal value in the secret property {path}.",
                    "reference secret config (${infra:KEY}) or a generated secret (RandomPassword.Result) instead."));
        }
        foreach (var (name, value) in context.Blueprint.Outputs)
            if (SecretProperty().IsMatch(name) && value is StringLiteral { Value.Length: > 0 })
                violations.Add(Violation($"output:{name}", "exports a secret as a plain literal.", "export the generating resource's output (a secret) instead."));
        return (context.Blueprint.Resources.Count + context.Blueprint.Outputs.Count, violations);
    }

    // One walk of the property tree; a path is spelled out only for a finding (most programs have none).
    private static List<string> LiteralSecretProperties(Expr properties, Dictionary<string, bool> secretKeys)
    {
        var found = new List<string>();
        var path = new List<(string? Key, int Index)>();
        Walk(properties);
        return found;

        void Walk(Expr expr)
        {
            switch (expr)
            {
                case ObjectExpr obj:
                    // Index loops: this walk visits every property of every resource (no enumerator per object). Only an
                    // object or a list goes on the path; a literal is spelled out with its key when it is a finding.
                    for (var i = 0; i < obj.Entries.Count; i++)
                    {
                        var (key, value) = obj.Entries[i];
                        if (value is StringLiteral { Value.Length: > 0 })
                        {
                            if (IsSecretKey(key)) found.Add(Spell(path, key));
                        }
                        else if (value is ObjectExpr or ListExpr)
                        {
                            path.Add((key, 0));
                            Walk(value);
                            path.RemoveAt(path.Count - 1);
                        }
                    }
                    break;
                case ListExpr list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (list.Items[i] is not (ObjectExpr or ListExpr)) continue; // a bare literal has no key to be secret
                        path.Add((null, i));
                        Walk(list.Items[i]);
                        path.RemoveAt(path.Count - 1);
                    }
                    break;
            }
        }

        bool IsSecretKey(string key)
        {
            if (!secretKeys.TryGetValue(key, out var secret)) secretKeys[key] = secret = SecretProperty().IsMatch(key);
            return secret;
        }
    }

    // a.b[0].c, as the walk went (a.b[0]) and the literal's key (c).
    private static string Spell(List<(string? Key, int Index)> path, string last)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (key, index) in path)
        {
            if (key is null) text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            else text.Append(text.Length == 0 ? "" : ".").Append(key);
        }
        return text.Append(text.Length == 0 ? "" : ".").Append(last).ToString();
    }
}
