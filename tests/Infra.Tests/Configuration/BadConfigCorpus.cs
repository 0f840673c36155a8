using System.Text.Json;
using Infra.Tests.Dc9;
using Infra.Tests.Global;
using Infra.Tests.OnPrem;

namespace Infra.Tests.Configuration;

/// <summary>
/// One bad input: a stack file (or none) or a PULUMI_CONFIG, and what the message must say. The same
/// corpus runs through the real process (<see cref="BadConfigTests"/>) and in-process
/// (<see cref="BadConfigInProcessTests"/>), so that mutants of the rules die in-process too.
/// </summary>
/// <param name="Absent">Fragments the message must not contain (a wrong fix, raw .NET text, a contradiction).</param>
public sealed record BadConfigCase(string Name, string Stack, string? StackFile, string[] Expected, string? PulumiConfig = null,
    string[]? Absent = null)
{
    public override string ToString() => Name;
}

/// <summary>The bad-config corpus: every case must exit 1 with nothing on stdout and a message naming what, where and how.</summary>
public static class BadConfigCorpus
{
    private const string SetKeyFix = "Fix with `pulumi config set KEY VALUE --stack";
    private const string EditFileFix = "in an editor (`pulumi config` cannot change a file it cannot read)";
    private const string PulumiConfigFix = "If you set it yourself, make it one JSON object";

    /// <summary>A valid onprem3 stack file with real-looking (not documentation) addresses.</summary>
    public const string OnPrem3 =
        "config:\n  infra:hosts: [10.20.0.11, 10.20.0.12, 10.20.0.13]\n  infra:sshUser: deploy\n";

    private static string Dc9(string key, string? value) => Dc9Synth.With(key, value);

    private static string Schedule(string body) => $"config:\n  infra:schedule:\n{body}";

    public static IReadOnlyList<BadConfigCase> All { get; } =
    [
        // The original corpus.
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
            ["infra:owner", "team<script>", "is not a valid owner tag: it contains '<'", "letters and digits of any script"]),
        new("misspelt tier", "dev-bob", "config:\n  infra:tier: laptp\n",
            ["infra:tier", "\"laptp\"", "Did you mean laptop?"]),
        new("tier contradicts the stack name", "laptop", "config:\n  infra:tier: dc9\n",
            ["infra:tier", "\"dc9\"", "contradicts the stack name 'laptop'"]),
        new("custom stack without tier", "dev-bob", "config:\n  infra:owner: bob\n",
            ["infra:tier", "is not set", "'dev-bob' is not a tier name"]),
        new("stack file missing", "staging", null,
            ["Pulumi.staging.yaml", "has no settings file", "pulumi stack init staging"]),
        // The global tier: regions, quorum, networks.
        new("global: unknown AWS region", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-9, cidr: 10.20.0.0/16}"),
            ["infra:regions[0].awsRegion = \"eu-west-9\"", "is not a known AWS region", "Did you mean eu-west-"]),
        new("global: a region named twice", "global",
            GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16}", "{name: london, awsRegion: eu-west-1, cidr: 10.21.0.0/16}"),
            ["infra:regions", "\"london\"", "names a region twice", "each region once"]),
        new("global: fewer servers than a quorum needs", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, servers: 1}"),
            ["infra:regions[0].servers = \"1\"", "must be 3, 5 or 7", "RAFT quorum"]),
        new("global: an even number of servers", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, servers: 4}"),
            ["infra:regions[0].servers = \"4\"", "must be 3, 5 or 7"]),
        new("global: overlapping region blocks", "global",
            GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16}", "{name: dallas, awsRegion: us-east-2, cidr: 10.20.128.0/17}"),
            ["infra:regions", "dallas.cidr = 10.20.128.0/17", "overlaps region london (10.20.0.0/16)", "a private block no other region uses"]),
        new("global: a region without a block", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2}"),
            ["infra:regions[0].cidr", "is required", "never derived from its place in the list"]),
        new("global: a public region block", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 8.8.0.0/16}"),
            ["infra:regions[0].cidr = \"8.8.0.0/16\"", "is not a private (RFC 1918) block"]),
        new("global: too few k3s nodes for etcd", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, k3sNodes: 2}"),
            ["infra:regions[0].k3sNodes = \"2\"", "three distinct hosts"]),
        // NATS: the generator's rules through the binder's error path.
        new("global: a NATS cluster of two servers", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, natsServers: 2}"),
            ["infra:regions[0].natsServers = \"2\"", "2 NATS servers", "at least 3", "JetStream's R3", "natsServers: 3 or more"]),
        new("global: more NATS servers than worker hosts", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, natsServers: 5}"),
            ["infra:regions[0].natsServers = \"5\"", "more than the region's 3 worker nodes", "worker host of its own"]),
        new("global: a readiness deadline too short for a boot", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, readinessMinutes: 2}"),
            ["infra:regions[0].readinessMinutes = \"2\"", "from 5 to 120"]),
        new("global: a misspelt NATS field", "global", GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, natServers: 3}"),
            ["infra:regions[0].natServers", "natsServers"]),
        new("global: misspelt region field", "global", GlobalSynth.Regions("{name: london, awsRegon: eu-west-2, cidr: 10.20.0.0/16}"),
            ["infra:regions[0].awsRegon", "is not a known field", "Did you mean awsRegion?"]),
        new("global: region name not a label", "global", GlobalSynth.Regions("{name: London-1, awsRegion: eu-west-2, cidr: 10.20.0.0/16}"),
            ["infra:regions[0].name = \"London-1\"", "is not a region name", "lower-case"]),
        new("global: own servers not yet", "global", GlobalSynth.Regions("{name: lab, kind: own, awsRegion: eu-west-2, cidr: 10.20.0.0/16}"),
            ["infra:regions[0].kind = \"own\"", "is not available yet", "stacks/global/README.md#own-servers"]),
        new("global: regions not a list", "global", GlobalSynth.With("regions", "{london: eu-west-2}"),
            ["infra:regions = ", "must be a list"]),
        new("global: replicas that break quorum", "global", GlobalSynth.With("replicas", "{gateway: 1, accounts: 1, events: 1}"),
            ["infra:replicas", "gives 3 RAFT members per region", "below the quorum of 2", "e.g. {accounts: 3, events: 2, gateway: 2}"]),
        new("global: an even RAFT total", "global", GlobalSynth.With("replicas", "{gateway: 3, accounts: 3, events: 2}"),
            ["infra:replicas", "gives 8 RAFT members", "an odd number of at least 3"]),
        new("global: replicas of an unknown Service", "global", GlobalSynth.With("replicas", "{gateway: 3, acounts: 3, events: 3}"),
            ["infra:replicas", "\"acounts\"", "is not a Service of this stack", "Did you mean accounts?"]),
        new("global: APIs open to the world", "global", GlobalSynth.With("operatorCidrs", "[0.0.0.0/0]"),
            ["infra:operatorCidrs", "0.0.0.0/0", "opens the Nomad, Consul and Kubernetes APIs to the whole internet"]),
        new("global: no Cloudflare account", "global", GlobalSynth.ExampleConfig.Replace("  infra:cloudflareAccountId: \"fedcba9876543210fedcba9876543210\"\n", ""),
            ["infra:cloudflareAccountId", "is required", "load-balancer pools"]),
        new("global: a key of another tier", "global", GlobalSynth.With("placement", "{gateway: 3}"),
            ["infra:placement", "is not used by tier global"]),
        new("catalog shares a database", "laptop", "config:\n  infra:catalog:\n    billing:\n      database: accounts\n",
            ["infra:catalog", "'accounts' is shared by", "billing"]),
        new("catalog route path malformed", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: billing\n",
            ["infra:catalog.billing.routes[0].path = \"billing\": is not a valid path prefix", "such as /billing/"]),
        new("catalog unknown field", "laptop", "config:\n  infra:catalog:\n    accounts:\n      replicas: 3\n",
            ["infra:catalog", "accounts.replicas", "is not a known field"]),
        new("catalog Service name and route host both invalid", "laptop",
            "config:\n  infra:catalog:\n    Billing:\n      database: billing\n    reports:\n      routes:\n        - host: API\n          path: /reports/\n",
            ["2 problems", "infra:catalog.Billing: is not a valid Service name.", "infra:catalog.reports.routes[0].host = \"API\": is not a valid host label."]),
        new("catalog route priority out of range", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: /billing/\n          priority: 0\n",
            ["infra:catalog.billing.routes[0].priority = \"0\": is out of range", "an integer from 1 to 50000"]),
        new("catalog route unknown field", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: /billing/\n          prio: 5\n",
            ["infra:catalog.billing.routes[0].prio: is not a known field.", "Allowed: the fields host, path, priority"]),
        new("routes sharing an ALB rule priority", "dc9", Dc9RoutesWithOnePriority(),
            ["infra:catalog", "gets listener-rule priority", "ALB priorities are unique per listener", "routes priority: "]),
        new("catalog route claimed twice", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: api\n          path: /accounts/\n",
            ["infra:catalog", "/accounts/ is claimed by more than one Service"]),
        new("health check without a Docker test form", "laptop", "config:\n  infra:appHealthCheck: [curl, localhost]\n",
            ["infra:appHealthCheck", "must start with CMD, CMD-SHELL or NONE"]),
        new("several problems are reported together", "laptop", "config:\n  infra:httpPort: \"0\"\n  infra:dbImage: postgres:latest\n",
            ["2 problems", "infra:httpPort", "infra:dbImage"]),
        new("PULUMI_CONFIG with a wrong value", "laptop", null,
            ["PULUMI_CONFIG", "infra:busPort", "\"-1\"", "out of range"], PulumiConfig: """{"infra:busPort":"-1"}"""),

        // A16: the keys CI acts on are validated by synth, plan and policy, with the rules of `infra schedule`.
        new("schedule with an unknown time zone", "laptop", Schedule("    timeZone: Mars/Base\n    weekdayUp: \"07:00\"\n"),
            ["infra:schedule.timeZone = \"Mars/Base\": is not a known IANA time zone id", "Allowed: an IANA time zone id such as Europe/Berlin", SetKeyFix]),
        new("schedule that never acts", "laptop", Schedule("    timeZone: Europe/Berlin\n"),
            ["infra:schedule", "sets neither weekdayUp nor weekendDown"]),
        new("schedule with a misspelt setting", "laptop", Schedule("    timeZone: UTC\n    weekdayUP: \"07:00\"\n"),
            ["infra:schedule.weekdayUP: is not a known field. Did you mean weekdayUp?"]),
        new("schedule with a bad time", "laptop", Schedule("    timeZone: UTC\n    weekendDown: \"Fry 20:00\"\n"),
            ["infra:schedule.weekendDown = \"Fry 20:00\": is not a day and a time", "Allowed: a weekday (Mon..Sun) and a 24-hour local time"]),
        new("schedule that is not an object", "laptop", "config:\n  infra:schedule: \"Fri 20:00\"\n",
            ["infra:schedule", "must be an object"]),
        new("schedule on dc9", "dc9", Dc9Synth.ExampleConfig + "  infra:schedule:\n    timeZone: Europe/Berln\n    weekdayUp: \"07:00\"\n",
            ["infra:schedule.timeZone = \"Europe/Berln\": is not a known IANA time zone id"]),
        new("schedule on onprem3", "onprem3", OnPrem3 + "  infra:schedule:\n    timeZone: UTC\n    windowMinutes: \"0\"\n    weekdayUp: \"07:00\"\n",
            ["infra:schedule.windowMinutes", "is no longer a setting"]),
        new("schedule in PULUMI_CONFIG", "laptop", null,
            ["PULUMI_CONFIG", "infra:schedule.holidays[0] = \"25.12.2026\": is not a date"],
            PulumiConfig: """{"infra:schedule":"{\"timeZone\":\"UTC\",\"weekdayUp\":\"07:00\",\"holidays\":[\"25.12.2026\"]}"}"""),
        new("schedule with several problems", "laptop", Schedule("    timeZone: Mars/Base\n    weekdayUp: 7am\n    optOut: maybe\n"),
            ["3 problems", "infra:schedule.timeZone = \"Mars/Base\"", "infra:schedule.weekdayUp = \"7am\": has no valid time",
             "infra:schedule.optOut = \"maybe\": is not a boolean"]),
        new("deployOnPush not a boolean", "laptop", "config:\n  infra:deployOnPush: yes-please\n",
            ["infra:deployOnPush", "\"yes-please\"", "is not a boolean", "true or false"]),

        // A17: keys no one reads, and stack files Pulumi would not read.
        new("key without a namespace", "laptop", "config:\n  services: [gateway]\n",
            ["services", "has no namespace", "Did you mean infra:services?", SetKeyFix]),
        new("misspelt namespace", "laptop", "config:\n  infar:services: [gateway]\n",
            ["infar:services", "namespace 'infar'", "Did you mean infra:services?"]),
        new("namespace of no provider", "laptop", "config:\n  myapp:debug: \"true\"\n",
            ["myapp:debug", "namespace 'myapp', which neither the suite nor its providers read", "infra, pulumi, aws"]),
        new("misspelt provider namespace", "dc9", Dc9Synth.ExampleConfig + "  asw:region: eu-west-1\n",
            ["asw:region", "Did you mean aws:region?"]),
        new("config keys at the top level", "laptop", "infra:services: [gateway]\n",
            ["infra:services", "top level of Pulumi.laptop.yaml", "move it under `config:`", EditFileFix], Absent: [SetKeyFix]),
        new("misspelt config section", "laptop", "confg:\n  infra:owner: bob\n",
            ["confg", "is not a setting of a stack file. Did you mean config?", EditFileFix]),
        new("stack file is a list", "laptop", "- infra:owner: bob\n",
            ["Pulumi.laptop.yaml", "is a YAML list, but a stack file is a mapping with a `config:` section"]),
        new("config is not a mapping", "laptop", "config: hello\n",
            ["config", "is a single YAML value, not a mapping of keys to values"]),
        new("config key that is a list", "laptop", "config:\n  ? [infra:owner]\n  : bob\n",
            ["Pulumi.laptop.yaml line 2", "is a config key that is not a plain name"]),
        new("two YAML documents", "laptop", "config:\n  infra:owner: a\n---\nconfig:\n  infra:owner: b\n",
            ["holds 2 YAML documents"]),
        new("key without a namespace in PULUMI_CONFIG", "laptop", null,
            ["PULUMI_CONFIG", "services", "has no namespace"], PulumiConfig: """{"services":"[\"gateway\"]"}"""),
        new("misspelt tier namespace on a custom stack", "dev-bob", "config:\n  infar:tier: laptop\n",
            ["2 problems", "infra:tier: is not set", "infar:tier", "Did you mean infra:tier?"]),

        // A18: a duplicate key is a config error, not a crash.
        new("duplicate key in PULUMI_CONFIG", "laptop", null,
            ["PULUMI_CONFIG", "infra:owner: is given more than once", PulumiConfigFix],
            PulumiConfig: """{"infra:owner":"a","infra:owner":"b"}""", Absent: ["internal error", SetKeyFix]),
        new("duplicate key inside a JSON value", "laptop", null,
            ["infra:catalog", "gives one key twice in a JSON object"],
            PulumiConfig: """{"infra:catalog":"{\"billing\":{},\"billing\":{}}"}""", Absent: ["internal error"]),
        new("duplicate key in the stack file", "laptop", "config:\n  infra:owner: a\n  infra:owner: b\n",
            ["is not valid YAML: line 3", "Duplicate key", EditFileFix]),

        // A19: placeholders and values that fail only at boot.
        new("production with placeholders", "dc9", Dc9Synth.ExampleConfig.Replace("infra:environment: dev", "infra:environment: production")
            .Replace("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", new string('0', 64)),
            ["infra:domain = \"dev.example.com\": is a placeholder (example.com is reserved for examples); a production stack needs the real value",
             "infra:binaryUrl", "infra:otlpEndpoint", "infra:sshCidrs = \"203.0.113.0/24\": is a placeholder (203.0.113.0/24 is reserved for documentation)",
             "infra:binarySha256", "the digit 0 64 times"]),
        new("collector package that is not a .deb", "dc9", Dc9("otelcolPackageUrl",
                "https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v0.115.1/otelcol-contrib_0.115.1_linux_amd64.tar.gz"),
            ["infra:otelcolPackageUrl", "does not name a .deb package", "dpkg -i"]),
        new("public-range VPC", "dc9", Dc9("vpcCidr", "8.8.0.0/16"),
            ["infra:vpcCidr = \"8.8.0.0/16\"", "is not in private address space (RFC 1918)", "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16"]),
        new("onprem3 production on documentation addresses", "onprem3",
            "config:\n  infra:environment: production\n  infra:hosts: [192.0.2.11, 10.20.0.12, 10.20.0.13]\n  infra:sshUser: deploy\n",
            ["infra:hosts = \"192.0.2.11\": is a placeholder (192.0.2.0/24 is reserved for documentation)"]),

        // A20: messages that say what is really wrong and how to fix it.
        new("a /8 VPC", "dc9", Dc9("vpcCidr", "10.0.0.0/8"),
            ["infra:vpcCidr = \"10.0.0.0/8\": is a /8 block; dc9 needs /16 to /19", "Allowed: a private (RFC 1918) CIDR from /16 to /19"],
            Absent: ["/28", "/20", "maxAzs"]),
        new("a Service beyond the static address plan", "dc9", SeventeenServices(),
            ["infra:placement", "17 Services have servers, but the static address plan holds 16", "Drop Services from infra:services"],
            Absent: ["Lower its replicas"]),
        new("a secret on a numeric key", "laptop", "config:\n  infra:httpPort:\n    secure: v1:AAAABBBBCCCC\n",
            ["infra:httpPort", "is stored as a secret (secure:), but it is not a secret", "pulumi config set infra:httpPort VALUE --stack laptop"],
            Absent: ["[secret]", "not a whole number"]),
        new("PULUMI_CONFIG is not JSON", "laptop", null,
            ["PULUMI_CONFIG", "is not valid JSON (line 1, byte 2)", PulumiConfigFix], PulumiConfig: "{not json",
            Absent: ["ExpectedStartOfPropertyNotFound", "LineNumber", SetKeyFix]),
        new("PULUMI_CONFIG is not an object", "laptop", null,
            ["PULUMI_CONFIG", "is a JSON list, not an object of config keys"], PulumiConfig: "[1, 2]"),
        new("stack name with a space", "my stack", "config:\n  infra:tier: laptop\n",
            ["Invalid stack name 'my stack': it contains a space", "e.g. 'my-stack'"]),
        new("stack name with a non-ASCII character", "dév", "config:\n  infra:tier: laptop\n",
            ["Invalid stack name 'dév': it contains the non-ASCII character 'é'"]),
        new("stack name with a backslash", "x\\laptop", null,
            ["Invalid stack name", "contains a backslash (a path separator)"]),
        new("stack name with too many parts", "a/b/c/laptop", null,
            ["Invalid stack name 'a/b/c/laptop': it has 4 parts separated by '/'"]),
        new("empty stack name", "", null, ["Invalid stack name '': it is empty"]),
        new("stack file is not YAML", "laptop", "config:\n  infra:owner: [unclosed\n",
            ["Pulumi.laptop.yaml", "is not valid YAML: line 3", EditFileFix], Absent: [SetKeyFix]),

        // Found by trying the tool with bad inputs as a new user would.
        new("a line break in a value", "laptop", "config:\n  infra:owner: \"team\\n\"\n",
            ["infra:owner", "contains a line break or another control character"]),
        new("a line break inside a catalog value", "laptop",
            "config:\n  infra:catalog:\n    billing:\n      routes:\n        - host: \"api\\n\"\n          path: /billing/\n",
            ["infra:catalog", "contains a line break"]),
        new("a catalog route that is not an object", "laptop", "config:\n  infra:catalog:\n    billing:\n      routes: [api]\n",
            ["infra:catalog.billing.routes[0] = \"api\": must be an object", "{host: H, path: /P/, priority: N}"], Absent: ["internal error"]),
        new("OTLP endpoint with a port out of range", "dc9", Dc9("otlpEndpoint", "otel.acme-widgets.io:99999"),
            ["infra:otlpEndpoint", "does not end in a port from 1 to 65535"]),
        new("OTLP endpoint without a host name", "dc9", Dc9("otlpEndpoint", "-.-:4317"),
            ["infra:otlpEndpoint", "does not start with a DNS name or IPv4 address"]),
        new("an onprem3 host in 0.0.0.0/8", "onprem3", OnPrem3.Replace("10.20.0.11", "0.1.2.3"),
            ["infra:hosts = \"0.1.2.3\"", "0.0.0.0/8"]),
        new("a link-local onprem3 host", "onprem3", OnPrem3.Replace("10.20.0.11", "169.254.10.1"),
            ["infra:hosts = \"169.254.10.1\"", "is a link-local address"]),
        new("an empty binary URL", "dc9", Dc9("binaryUrl", "\"\""),
            ["infra:binaryUrl = \"\": is empty."], Absent: ["internal error"]),
        new("an empty collector checksum", "dc9", Dc9("otelcolPackageSha256", "\"\""),
            ["infra:otelcolPackageSha256 = \"\": is empty."], Absent: ["internal error"]),
        new("backups in the root directory", "onprem3", OnPrem3 + "  infra:backupRepoPath: /\n",
            ["infra:backupRepoPath = \"/\"", "is not an absolute path (other than /)"]),
        new("backups inside /etc", "onprem3", OnPrem3 + "  infra:backupRepoPath: /etc/pgbackrest\n",
            ["infra:backupRepoPath", "is inside a directory of the operating system"]),
        new("an entrypoint with an empty item", "laptop", "config:\n  infra:appEntrypoint: [\"\"]\n",
            ["infra:appEntrypoint", "has an empty item"]),
        new("a health check of CMD alone", "laptop", "config:\n  infra:appHealthCheck: [CMD]\n",
            ["infra:appHealthCheck", "has no command after CMD"]),
        new("a health check of CMD-SHELL with two commands", "laptop", "config:\n  infra:appHealthCheck: [CMD-SHELL, a, b]\n",
            ["infra:appHealthCheck", "must be CMD-SHELL and one shell command"]),
        new("policy exemption with a misspelt field and an unknown policy", "laptop",
            "config:\n  infra:policyExemptions:\n    - policy: HYG-006\n      resource: app-server\n      reson: no probe yet\n" +
            "    - policy: HYG-06\n      resource: app-server\n      reason: no probe yet\n",
            ["3 problems", "infra:policyExemptions[0].reson: is not a known field. Did you mean reason?",
             "infra:policyExemptions[0].reason: is required and not set",
             "infra:policyExemptions[1].policy = \"HYG-06\": is not a policy id. Did you mean HYG-006?"]),
        new("a secure policy exemption list", "laptop", "config:\n  infra:policyExemptions:\n    secure: v1:AAAABBBB\n",
            ["infra:policyExemptions", "is stored as a secret (secure:)"]),
    ];

    /// <summary>17 catalog Services: the 17th has no static address (16 Services of 4 slots per AZ).</summary>
    /// <summary>The dc9 example with two routes whose derived listener-rule priorities collide.</summary>
    private static string Dc9RoutesWithOnePriority()
    {
        var (first, second) = ListenerRulePlannerTests.CollidingPair();
        return Dc9Synth.ExampleConfig.TrimEnd() + "\n  infra:catalog:\n" +
               string.Concat(new[] { first, second }.Select(r => $"    {r.Service}:\n      routes:\n        - host: api\n          path: {r.PathPrefix}\n")) +
               $"  infra:placement:\n    gateway: 3\n    accounts: 3\n    events: 3\n    {first.Service}: 1\n    {second.Service}: 1\n";
    }

    private static string SeventeenServices()
    {
        var extra = Enumerable.Range(1, 14).Select(i => $"svc{i}").ToList();
        var catalog = "  infra:catalog:\n" + string.Concat(extra.Select(n => $"    {n}:\n      routes:\n        - host: api\n          path: /{n}/\n"));
        var placement = "  infra:placement:\n    gateway: 3\n    accounts: 3\n    events: 3\n" + string.Concat(extra.Select(n => $"    {n}: 1\n"));
        return Dc9Synth.ExampleConfig.TrimEnd() + "\n" + catalog + placement;
    }

    /// <summary>
    /// The case names as theory rows: strings serialize, so each case is its own test case (per-test
    /// coverage in mutation testing needs that); <see cref="Named"/> turns a row back into its case.
    /// </summary>
    public static TheoryData<string> Names() => new(All.Select(c => c.Name));

    public static BadConfigCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The same input with a canary value in every key that could hold a secret (see <see cref="SecretCanary"/>).</summary>
    public static BadConfigCase WithCanary(BadConfigCase c, string canary)
    {
        var keys = new[] { "infra:apiTokn", "infar:dbPassword", "token", "infra:backupS3SecretKey" };
        string? file = c.StackFile is { } yaml && yaml.StartsWith("config:\n", StringComparison.Ordinal)
            ? "config:\n" + string.Concat(keys.Select(k => $"  {k}: {canary}\n")) + yaml["config:\n".Length..]
            : c.StackFile;
        var json = c.PulumiConfig switch
        {
            ['{', .. var rest] => "{" + string.Concat(keys.Select(k => $"{JsonSerializer.Serialize(k)}:\"{canary}\",")) + rest,
            ['[', .. var rest] => $"[\"{canary}\"," + rest,
            var other => other,
        };
        return c with { StackFile = file, PulumiConfig = json };
    }
}
