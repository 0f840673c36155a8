namespace Infra.Platform.Configuration;

/// <summary>What <see cref="ProductionRule.Decide"/> found: the stack's environment, or why it cannot say.</summary>
/// <param name="Environment">The environment to use; <see cref="DeploymentEnvironment.Production"/> when refused, the safe side.</param>
/// <param name="Configured">The value of <c>infra:environment</c> as written; null when unset.</param>
/// <param name="Problem">Why the value is refused, worded to follow the key and value; null when it is accepted.</param>
/// <param name="Allowed">What the key may say for this stack, when refused.</param>
/// <param name="Fix">The command (or rename) that fixes it, when refused.</param>
public sealed record EnvironmentDecision(DeploymentEnvironment Environment, string? Configured, string? Problem, string? Allowed, string? Fix)
{
    public bool IsProduction => Environment == DeploymentEnvironment.Production;

    public bool IsRefused => Problem is not null;

    /// <summary>The refusal as one line: <c>infra:environment: 'dev' contradicts ... Allowed: ... Fix ...</c>.</summary>
    public string? Message => Problem is null ? null : $"{ProductionRule.Key}: '{Configured}' {Problem} Allowed: {Allowed}. {Fix}";
}

/// <summary>
/// The one rule that says whether a stack is production, used by synthesis (tags, deletion protection,
/// protected data), the policy pack, the dev schedule and the deploy driver's destroy guard alike:
/// <list type="number">
/// <item><c>infra:environment</c> set to <c>dev</c>, <c>staging</c> or <c>production</c> decides, except that</item>
/// <item>a stack whose name looks like production (a part <c>prod</c> or <c>production</c>, optionally numbered:
///   <c>prod</c>, <c>prod-eu</c>, <c>eu-prod</c>, <c>eu_prod2</c>) may only say <c>production</c>: any other value is
///   refused, because a copied stack file (every example says <c>dev</c>) would otherwise tear a production
///   stack down on the weekend schedule;</item>
/// <item>unset, a production-looking name is production and any other name is dev.</item>
/// </list>
/// A refused configuration fails every path (exit 1), so nothing acts on a stack whose purpose is unclear.
/// </summary>
public static class ProductionRule
{
    public const string Key = "infra:environment";

    /// <summary>The values <c>infra:environment</c> accepts, as written in the stack's config.</summary>
    public static readonly IReadOnlyList<string> Values = ["dev", "staging", "production"];

    /// <summary>
    /// True when a part of the stack name (split at every character that is not a letter or digit) is
    /// <c>prod</c> or <c>production</c>, optionally followed by digits. Case is ignored; <c>product</c>,
    /// <c>preprod</c> or <c>reproduce</c> are not production names.
    /// </summary>
    public static bool NameLooksLikeProduction(string stack) =>
        Parts(ShortName(stack)).Any(part =>
        {
            var word = part.TrimEnd("0123456789".ToCharArray());
            return word.Equals("prod", StringComparison.OrdinalIgnoreCase) || word.Equals("production", StringComparison.OrdinalIgnoreCase);
        });

    /// <param name="stack">The stack name (<c>org/project/stack</c> is accepted).</param>
    /// <param name="configured">The value of <c>infra:environment</c> as written, or null when unset.</param>
    public static EnvironmentDecision Decide(string stack, string? configured)
    {
        var name = ShortName(stack);
        var productionName = NameLooksLikeProduction(name);
        if (configured is null)
            return new(productionName ? DeploymentEnvironment.Production : DeploymentEnvironment.Dev, null, null, null, null);

        DeploymentEnvironment? environment = configured switch
        {
            "dev" => DeploymentEnvironment.Dev,
            "staging" => DeploymentEnvironment.Staging,
            "production" => DeploymentEnvironment.Production,
            _ => null,
        };
        if (environment is null)
            return new(DeploymentEnvironment.Production, configured, "is not an environment.", string.Join(" | ", Values),
                $"Set one: pulumi config set {Key} {(productionName ? "production" : "dev")} --stack {name}.");
        if (productionName && environment != DeploymentEnvironment.Production)
            return new(DeploymentEnvironment.Production, configured,
                $"contradicts the stack name '{name}', which names a production stack (a 'prod' or 'production' part).",
                "production, for a stack with such a name",
                $"If it is production: pulumi config set {Key} production --stack {name}. If it is not: " +
                "give it a name without such a part (pulumi stack rename).");
        return new(environment.Value, configured, null, null, null);
    }

    private static string ShortName(string stack) => stack.Split('/')[^1];

    private static IEnumerable<string> Parts(string name) =>
        name.Split(name.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}
