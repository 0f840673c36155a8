using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// Bad configuration, run through the real tool: each case must exit 1, print nothing on stdout,
/// and say on stderr which key, which value and what is wrong or allowed.
/// </summary>
public class BadConfigTests
{
    public sealed record Case(string Name, string Stack, string? StackFile, string[] Expected, string? PulumiConfig = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("misspelt key", "laptop", "config:\n  infra:servces: [gateway]\n",
            ["infra:servces", "is not a known key", "Did you mean infra:services?"]),
        new("port not a number", "laptop", "config:\n  infra:httpPort: eighty\n",
            ["infra:httpPort", "\"eighty\"", "is not a whole number"]),
        new("port out of range", "laptop", "config:\n  infra:httpPort: \"70000\"\n",
            ["infra:httpPort", "\"70000\"", "out of range", "an integer from 1 to 65535"]),
        new("empty services list", "laptop", "config:\n  infra:services: []\n",
            ["infra:services", "is an empty list", "non-empty list"]),
        new("unknown service", "laptop", "config:\n  infra:services: [gateway, acounts]\n",
            ["infra:services", "\"acounts\"", "not a Service of the catalog", "Did you mean accounts?"]),
        new("service listed twice", "laptop", "config:\n  infra:services: [events, events]\n",
            ["infra:services", "\"events\"", "lists a Service twice"]),
        new("services not a list", "laptop", "config:\n  infra:services:\n    gateway: yes\n",
            ["infra:services", "must be a list of strings"]),
        new("malformed image", "laptop", "config:\n  infra:appImage: \"Not An Image\"\n",
            ["infra:appImage", "\"Not An Image\"", "is not a valid image reference", "pinned image"]),
        new("latest image", "laptop", "config:\n  infra:appImage: ghcr.io/acme/platform:latest\n",
            ["infra:appImage", "ghcr.io/acme/platform:latest", "'latest' tag"]),
        new("image without tag", "laptop", "config:\n  infra:dbImage: postgres\n",
            ["infra:dbImage", "\"postgres\"", "no tag or digest"]),
        new("http and bus port clash", "laptop", "config:\n  infra:httpPort: \"7070\"\n",
            ["infra:busPort", "\"7070\"", "clashes with infra:httpPort", "local port 7070"]),
        new("trace UI clashes with db when telemetry is on", "laptop",
            "config:\n  infra:telemetry: \"true\"\n  infra:traceUiPort: \"5432\"\n",
            ["infra:traceUiPort", "\"5432\"", "clashes with infra:dbPort"]),
        new("app memory too small", "laptop", "config:\n  infra:appMemory: \"16\"\n",
            ["infra:appMemory", "\"16\"", "out of range", "an integer from 64 to 65536"]),
        new("db memory not a number", "laptop", "config:\n  infra:dbMemory: 1GB\n",
            ["infra:dbMemory", "\"1GB\"", "is not a whole number"]),
        new("telemetry not a boolean", "laptop", "config:\n  infra:telemetry: yes-please\n",
            ["infra:telemetry", "\"yes-please\"", "is not a boolean", "true or false"]),
        new("unknown environment", "laptop", "config:\n  infra:environment: prod\n",
            ["infra:environment", "\"prod\"", "dev | staging | production"]),
        new("unknown log level", "laptop", "config:\n  infra:logLevel: verbose\n",
            ["infra:logLevel", "\"verbose\"", "debug | info | warn | error"]),
        new("invalid owner", "laptop", "config:\n  infra:owner: \"team<script>\"\n",
            ["infra:owner", "team<script>", "is not a valid owner tag"]),
        new("misspelt tier", "dev-bob", "config:\n  infra:tier: laptp\n",
            ["infra:tier", "\"laptp\"", "Did you mean laptop?"]),
        new("tier contradicts the stack name", "laptop", "config:\n  infra:tier: dc9\n",
            ["infra:tier", "\"dc9\"", "contradicts the stack name 'laptop'"]),
        new("custom stack without tier", "dev-bob", "config:\n  infra:owner: bob\n",
            ["infra:tier", "is not set", "'dev-bob' is not a tier name"]),
        new("stack file missing", "staging", null,
            ["Pulumi.staging.yaml", "has no settings file", "pulumi stack init staging"]),
        new("tier not available yet", "global", "config:\n  infra:owner: bob\n",
            ["Tier 'global'", "not available yet", "stacks/global/README.md"]),
        new("catalog shares a database", "laptop", "config:\n  infra:catalog:\n    billing:\n      database: accounts\n",
            ["infra:catalog", "'accounts' is shared by", "billing"]),
        new("catalog route path malformed", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: billing\n",
            ["infra:catalog", "path = billing", "is not a valid path prefix"]),
        new("catalog unknown field", "laptop", "config:\n  infra:catalog:\n    accounts:\n      replicas: 3\n",
            ["infra:catalog", "accounts.replicas", "is not a known field"]),
        new("catalog route claimed twice", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: /accounts/\n",
            ["infra:catalog", "/accounts/ is claimed by more than one Service"]),
        new("health check without a Docker test form", "laptop", "config:\n  infra:appHealthCheck: [curl, localhost]\n",
            ["infra:appHealthCheck", "must start with CMD, CMD-SHELL or NONE"]),
        new("stack file is not YAML", "laptop", "config:\n  infra:owner: [unclosed\n",
            ["Pulumi.laptop.yaml", "is not valid YAML"]),
        new("several problems are reported together", "laptop", "config:\n  infra:httpPort: \"0\"\n  infra:dbImage: postgres:latest\n",
            ["2 problems", "infra:httpPort", "infra:dbImage"]),
        new("PULUMI_CONFIG is not JSON", "laptop", null,
            ["PULUMI_CONFIG", "is not valid JSON"], PulumiConfig: "{not json"),
        new("PULUMI_CONFIG with a wrong value", "laptop", null,
            ["PULUMI_CONFIG", "infra:busPort", "\"-1\"", "out of range"], PulumiConfig: """{"infra:busPort":"-1"}"""),
    };

    // Theory rows are the case names (strings serialize), so each row is its own test case.
    public static TheoryData<string> CaseNames => new(((IEnumerable<object[]>)Cases).Select(row => ((Case)row[0]).Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_config_exits_1_with_a_precise_message_and_nothing_on_stdout(string name)
    {
        var c = ((IEnumerable<object[]>)Cases).Select(row => (Case)row[0]).Single(x => x.Name == name);
        using var project = new TempProject();
        if (c.StackFile is not null) project.WriteStack(c.Stack, c.StackFile);
        var env = c.PulumiConfig is null ? null : new Dictionary<string, string> { ["PULUMI_STACK"] = c.Stack, ["PULUMI_CONFIG"] = c.PulumiConfig };
        var result = c.PulumiConfig is null
            ? InfraProcess.Run(project.Root, null, "synth", c.Stack)
            : InfraProcess.Run(project.Root, env, "synth");

        Assert.Equal("", result.Stdout);
        Assert.Equal(1, result.ExitCode);
        foreach (var fragment in c.Expected) Assert.Contains(fragment, result.Stderr);
    }

    [Fact]
    public void A_wrong_command_line_is_a_usage_error_with_exit_code_2()
    {
        var result = InfraProcess.Run(RepoPaths.Root, null, "synth", "laptop", "extra-argument");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("extra-argument", result.Stderr);
    }

    [Fact]
    public void Help_documents_the_exit_codes_on_every_command()
    {
        foreach (var command in new[] { "synth", "plan", "tiers" })
        {
            var result = InfraProcess.Run(RepoPaths.Root, null, command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Exit codes: 0 success; 1 invalid configuration", result.Stdout);
        }
    }
}
