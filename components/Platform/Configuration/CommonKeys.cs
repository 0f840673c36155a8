using Infra.Platform.Schedule;
using Infra.Platform.Services;

namespace Infra.Platform.Configuration;

/// <summary>The config keys every tier reads, each declared once (see <see cref="ConfigKey"/>).</summary>
public static class CommonKeys
{
    private static readonly System.Text.RegularExpressions.Regex InstanceTypePattern = new(@"^[a-z][a-z0-9-]*\.([a-z0-9]+|\*)$");

    public static readonly ConfigKey<string> Tier = new("tier", ConfigShapes.OneOf("is not a tier.", [.. TierShape.All.Select(s => s.Name)]), "",
        "The tier this stack deploys; needed when the stack is not named after a tier.")
    {
        DefaultText = "the stack name",
    };

    public static readonly ConfigKey<string> Environment = new("environment",
        ConfigShapes.OneOf("is not an environment.", [.. ProductionRule.Values]), "dev",
        "What the stack is for; production stacks are protected and never torn down on a schedule. A stack whose name has a " +
        "'prod' or 'production' part (prod-eu) only accepts production (ProductionRule).")
    {
        DefaultText = "dev, or production for a stack named like prod-eu",
    };

    public static readonly ConfigKey<string> Owner = new("owner",
        ConfigShapes.Text("1 to 64 characters: letters and digits of any script (é, ü, ß, 漢 are fine), spaces and . _ : / = + @ -",
            PlatformSettings.OwnerProblem),
        "platform-team", "Team or person answerable for the stack; tagged on every resource.");

    public static readonly ConfigKey<IReadOnlyList<string>?> Services = new("services",
        ConfigShapes.StringList("a non-empty list of Service names from the catalog"), null,
        "The Services the stack runs; a binary is always told its Services, never \"everything\".")
    {
        DefaultText = "every Service of the catalog",
    };

    public static readonly ConfigKey<IReadOnlyList<KeyValuePair<string, CatalogEntry>>?> Catalog = new("catalog", CatalogEntry.Shape, null,
        "Overrides or additions to the Service catalog, by Service name.")
    {
        DefaultText = "the default catalog",
    };

    public static readonly ConfigKey<LogLevel> LogLevel = new("logLevel", ConfigShapes.Enum<LogLevel>(), Configuration.LogLevel.Info,
        "Log level of the platform binary.");

    public static readonly ConfigKey<IReadOnlyList<PolicyExemptionEntry>?> PolicyExemptions = new("policyExemptions",
        PolicyExemptionEntry.ListShape, null,
        "Waivers of policy findings (see `infra policy`); resource \"*\" waives every resource. A mandatory policy waived on " +
        "a production stack also needs allowOnProduction: true.")
    {
        // A reason may take a paragraph.
        AllowsLineBreaks = true,
    };

    public static readonly ConfigKey<IReadOnlyList<string>?> AllowedInstanceTypes = new("allowedInstanceTypes",
        ConfigShapes.StringList("a non-empty list of instance types or families, such as [\"t3.medium\", \"m7i.*\"]",
            item: type => InstanceTypePattern.IsMatch(type) ? null : "is not an instance type or family."),
        null, "Cost guard: the instance types the stack may use.")
    {
        DefaultText = "the tier's allow-list (`infra policy` shows it)",
    };

    // Read by the operations commands (infra schedule, CI); bound at synthesis too, so a bad schedule fails the pull request.
    public static readonly ConfigKey<ScheduleSettings?> Schedule = new("schedule", ScheduleSettings.Shape, null,
        "Weekday spin-up and weekend teardown of a dev stack by CI (see operations/README.md).");

    public static readonly ConfigKey<bool> DeployOnPush = new("deployOnPush", ConfigShapes.Boolean, false,
        "Run `infra up` for this stack on every push to main.");

    public static readonly IReadOnlyList<ConfigKey> All =
        [Tier, Environment, Owner, Services, Catalog, LogLevel, PolicyExemptions, AllowedInstanceTypes, Schedule, DeployOnPush];
}
