namespace Infra.Platform.Configuration;

/// <summary>The config keys every tier reads.</summary>
public static class CommonKeys
{
    public static readonly ConfigKey Tier = new("tier", ConfigKind.String,
        "The tier this stack deploys; defaults to the stack's name when that is a tier name.", TierShape.Names);

    public static readonly ConfigKey Environment = new("environment", ConfigKind.String,
        "What the stack is for; production stacks are protected and never torn down on a schedule.",
        "dev | staging | production");

    public static readonly ConfigKey Owner = new("owner", ConfigKind.String,
        "Team or person answerable for the stack; tagged on every resource.",
        "1 to 64 letters, digits, spaces and . _ : / = + @ -");

    public static readonly ConfigKey Services = new("services", ConfigKind.StringList,
        "The Services the stack runs (default: every Service of the catalog).",
        "a non-empty list of Service names from the catalog");

    public static readonly ConfigKey Catalog = new("catalog", ConfigKind.Object,
        "Overrides or additions to the Service catalog: NAME: {database: NS, routes: [{host: H, path: /P/}]}.",
        "an object of Service names to {database, routes}");

    public static readonly ConfigKey LogLevel = new("logLevel", ConfigKind.String,
        "Log level of the platform binary.", "debug | info | warn | error");

    // Read by the operations commands (infra schedule, CI), not by synthesis; declared here so a stack may set them.
    public static readonly ConfigKey Schedule = new("schedule", ConfigKind.Object,
        "Weekday spin-up and weekend teardown by CI (see operations/README.md).",
        "{timeZone: IANA id, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\", holidays: [yyyy-MM-dd], optOut: bool, windowMinutes: 1..1440}");

    public static readonly ConfigKey DeployOnPush = new("deployOnPush", ConfigKind.Boolean,
        "Run `infra up` for this stack on every push to main.", "true | false");

    public static readonly IReadOnlyList<ConfigKey> All = [Tier, Environment, Owner, Services, Catalog, LogLevel, Schedule, DeployOnPush];
}
