namespace Infra.Platform.Configuration;

/// <summary>The config keys every tier reads.</summary>
public static class CommonKeys
{
    public static readonly ConfigKey Tier = new("tier", ConfigKind.String,
        "The tier this stack deploys; defaults to the stack's name when that is a tier name.", TierShape.Names);

    public static readonly ConfigKey Environment = new("environment", ConfigKind.String,
        "What the stack is for; production stacks are protected and never torn down on a schedule. Unset: production " +
        "when the stack name has a 'prod' or 'production' part (prod-eu), dev otherwise; such a name only accepts " +
        "production (ProductionRule).",
        "dev | staging | production");

    public static readonly ConfigKey Owner = new("owner", ConfigKind.String,
        "Team or person answerable for the stack; tagged on every resource.",
        "1 to 64 characters: letters and digits of any script (é, ü, ß, 漢 are fine), spaces and . _ : / = + @ -");

    public static readonly ConfigKey Services = new("services", ConfigKind.StringList,
        "The Services the stack runs (default: every Service of the catalog).",
        "a non-empty list of Service names from the catalog");

    public static readonly ConfigKey Catalog = new("catalog", ConfigKind.Object,
        "Overrides or additions to the Service catalog: NAME: {database: NS, routes: [{host: H, path: /P/, priority: N (optional, dc9's ALB)}]}.",
        "an object of Service names to {database, routes}");

    public static readonly ConfigKey LogLevel = new("logLevel", ConfigKind.String,
        "Log level of the platform binary.", "debug | info | warn | error");

    public static readonly ConfigKey PolicyExemptions = new("policyExemptions", ConfigKind.Object,
        "Waivers of policy findings (see `infra policy`): a list of {policy, resource, reason}; resource \"*\" waives " +
        "every resource. A mandatory policy waived on a production stack also needs allowOnProduction: true.",
        "a list of {policy: ID, resource: NAME or \"*\", reason: TEXT, allowOnProduction: true|false}");

    public static readonly ConfigKey AllowedInstanceTypes = new("allowedInstanceTypes", ConfigKind.StringList,
        "Cost guard: the instance types the stack may use (default: the tier's allow-list, shown by `infra policy`).",
        "a non-empty list of instance types or families, such as [\"t3.medium\", \"m7i.*\"]");

    // Read by the operations commands (infra schedule, CI), not by synthesis; declared here so a stack may set them.
    public static readonly ConfigKey Schedule = new("schedule", ConfigKind.Object,
        "Weekday spin-up and weekend teardown by CI (see operations/README.md).",
        "{timeZone: IANA id, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\", holidays: [yyyy-MM-dd], optOut: bool}");

    public static readonly ConfigKey DeployOnPush = new("deployOnPush", ConfigKind.Boolean,
        "Run `infra up` for this stack on every push to main.", "true | false");

    public static readonly IReadOnlyList<ConfigKey> All =
        [Tier, Environment, Owner, Services, Catalog, LogLevel, PolicyExemptions, AllowedInstanceTypes, Schedule, DeployOnPush];
}
