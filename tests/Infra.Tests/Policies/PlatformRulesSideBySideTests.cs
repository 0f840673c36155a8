using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Services;
using Infra.Policies;
using Infra.Policies.Inspection;
using Infra.Policies.Platform;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// The platform's own rules (explicit Services, one DB namespace per Service, one route table) with a
/// compliant binary beside a non-compliant one, and the edges of how the pack finds a binary's flags.
/// </summary>
public sealed class PlatformRulesSideBySideTests
{
    private static ListExpr Strings(params string[] items) => List(items.Select(i => (Expr)i).ToArray());

    private static void Binary(PolicyFixture f, string id, string[] command, params string[] env) =>
        f.Add(id, Tokens.DockerContainer, ("image", "x:1"), ("command", Strings(command)), ("envs", Strings(env)));

    // PLT-001 ---------------------------------------------------------------------------------

    [Fact]
    public void Plt001_flags_the_binary_without_its_variable_beside_a_complete_one()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "good", ["--services=gateway"], "PLATFORM_SERVICES=gateway");
        Binary(f, "bad", ["--services=gateway"], "PLATFORM_LOG_LEVEL=info");
        var violation = f.AssertOne("PLT-001", "bad", "starts the platform binary without PLATFORM_SERVICES in its environment.");
        Assert.Equal("set PLATFORM_SERVICES to the same list as --services (BinaryLaunch.Render passes both).", violation.Fix);
        Assert.Equal(2, f.Checked("PLT-001"));
    }

    [Fact]
    public void Plt001_a_second_services_flag_that_differs_from_the_variable_is_flagged()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "good", ["--services=gateway", "--services=gateway"], "PLATFORM_SERVICES=gateway");
        Binary(f, "bad", ["--services=gateway", "--services=events"], "PLATFORM_SERVICES=gateway");
        f.AssertOne("PLT-001", "bad", "tells the binary two different Services lists: --services=gateway but PLATFORM_SERVICES=gateway.");
    }

    [Fact]
    public void Plt001_every_unknown_service_of_every_list_is_named_once()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", ["--services=gateway,billing,search"], "PLATFORM_SERVICES=gateway,billing,search");
        var violations = f.Run("PLT-001");
        Assert.Equal(
            ["lists Service 'billing', which this stack does not run.", "lists Service 'search', which this stack does not run."],
            violations.Select(v => v.Problem));
        Assert.Contains("infra:services (gateway, accounts, events)", violations[0].Fix);
    }

    [Fact]
    public void Plt001_a_list_from_a_deployment_variable_is_not_an_unknown_service()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", ["--services=${services}"], "PLATFORM_SERVICES=${services}");
        f.AssertNone("PLT-001");
    }

    [Fact]
    public void Plt001_an_empty_variable_without_a_flag_is_named_for_both()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", ["--http-addr=:8080"], "PLATFORM_SERVICES= , ");
        var problems = f.Run("PLT-001").Select(v => v.Problem).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains("starts the platform binary without the --services flag.", problems);
        Assert.Contains("gives the platform binary an empty Services list, which would mean 'run everything'.", problems);
    }

    [Fact]
    public void Plt001_reads_quoted_and_spaced_flags_in_user_data()
    {
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server-1", Tokens.Instance, ("userData", "ExecStart=/opt/platform --services \"accounts,events\"\nEnvironment=PLATFORM_SERVICES='accounts,events'\n"));
        f.Add("server-2", Tokens.Instance, ("userData", "ExecStart=/opt/platform --services 'accounts'\nEnvironment=PLATFORM_SERVICES=events\n"));
        f.AssertOne("PLT-001", "server-2", "--services=accounts but PLATFORM_SERVICES=events");
    }

    [Fact]
    public void Plt001_only_binaries_are_checked()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("collector", Tokens.DockerContainer, ("image", "otel:1"), ("envs", Strings("OTEL_SERVICE_NAME=x", "PLATFORMX=1")));
        f.Add("server", Tokens.Instance, ("userData", "#!/bin/sh\necho hello\n"));
        f.Add("bare", Tokens.Instance);
        Binary(f, "app", ["--services=gateway"], "PLATFORM_SERVICES=gateway");
        Assert.Equal(1, f.Checked("PLT-001"));
    }

    // PLT-002 ---------------------------------------------------------------------------------

    [Fact]
    public void Plt002_flags_services_of_the_stack_that_share_a_namespace()
    {
        // The catalog refuses a shared namespace when it is read; the rule still guards settings built in code.
        var f = new PolicyFixture(Tier.OnPrem3);
        var shared = new ServiceSet([new ServiceDefinition("gateway", "main", []), new ServiceDefinition("accounts", "main", []),
            new ServiceDefinition("events", "events", [])]);
        var identity = f.Identity with { Settings = f.Identity.Settings with { Services = shared } };
        var outcome = PolicyPack.Find("PLT-002")!.Evaluate(new PolicyContext(f.Blueprint, identity, []));
        var violation = Assert.Single(outcome.Violations);
        Assert.Equal(Violation.Program, violation.Subject);
        Assert.Equal("Services gateway and accounts share the DB namespace 'main'.", violation.Problem);
        Assert.Equal(1, outcome.Checked);
    }

    [Fact]
    public void Plt002_flags_the_binary_without_its_database_beside_one_with_it()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "good", ["--services=accounts"], "PLATFORM_SERVICES=accounts", "PLATFORM_DB_ACCOUNTS_NAME=accounts");
        Binary(f, "bad", ["--services=accounts,events"], "PLATFORM_SERVICES=accounts,events", "PLATFORM_DB_ACCOUNTS_NAME=accounts");
        Binary(f, "stateless", ["--services=gateway"], "PLATFORM_SERVICES=gateway");
        var violation = f.AssertOne("PLT-002", "bad", "runs Service 'events' against a database but does not set PLATFORM_DB_EVENTS_NAME.");
        Assert.Equal("set PLATFORM_DB_EVENTS_NAME=events (PlatformContainer does this from the catalog).", violation.Fix);
        Assert.Equal(3, f.Checked("PLT-002"));
    }

    [Fact]
    public void Plt002_uses_the_catalogs_namespace_and_the_service_name_for_unknown_ones()
    {
        var f = new PolicyFixture(Tier.OnPrem3, config: new Dictionary<string, JsonNode>
        {
            ["infra:catalog"] = JsonNode.Parse("""{"accounts": {"database": "ledger"}}""")!,
        });
        Binary(f, "good", ["--services=accounts"], "PLATFORM_SERVICES=accounts", "PLATFORM_DB_ACCOUNTS_NAME=ledger");
        Binary(f, "bad", ["--services=accounts"], "PLATFORM_SERVICES=accounts", "PLATFORM_DB_ACCOUNTS_NAME=accounts");
        Binary(f, "odd", ["--services=search-v2"], "PLATFORM_SERVICES=search-v2", "PLATFORM_DB_HOST=db");
        var violations = f.Run("PLT-002").OrderBy(v => v.Subject).ToList();
        Assert.Equal(["bad", "odd"], violations.Select(v => v.Subject));
        Assert.Equal("sets PLATFORM_DB_ACCOUNTS_NAME=accounts, but the catalog gives 'accounts' the namespace 'ledger'.", violations[0].Problem);
        Assert.Equal("set PLATFORM_DB_SEARCH_V2_NAME=search_v2 (PlatformContainer does this from the catalog).", violations[1].Fix);
    }

    [Fact]
    public void Plt002_an_unknown_service_with_its_own_database_is_not_compared()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", ["--services=search"], "PLATFORM_SERVICES=search", "PLATFORM_DB_SEARCH_NAME=anything");
        f.AssertNone("PLT-002");
    }

    [Fact]
    public void Plt002_names_every_variable_pointing_at_one_database()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", ["--services=gateway"], "PLATFORM_SERVICES=gateway", "PLATFORM_DB_GATEWAY_NAME=gateway",
            "PLATFORM_DB_ACCOUNTS_NAME=shared", "PLATFORM_DB_EVENTS_NAME=shared", "PLATFORM_DB_HOST=shared");
        f.AssertOne("PLT-002", "app", "points PLATFORM_DB_ACCOUNTS_NAME and PLATFORM_DB_EVENTS_NAME at the same database 'shared'.");
    }

    // PLT-003 ---------------------------------------------------------------------------------

    [Fact]
    public void Plt003_a_route_table_known_only_at_deployment_cannot_be_compared()
    {
        var f = new PolicyFixture();
        f.Blueprint.Output("ingressRoutes", new Reference("routes"));
        var violation = f.AssertOne("PLT-003", "output:ingressRoutes", "is not a literal table");
        Assert.Equal(1, f.Checked("PLT-003"));
        Assert.Contains("platform.Routes.ToJson()", violation.Fix);
    }

    [Fact]
    public void Plt003_flags_the_binary_with_another_table_beside_one_with_the_catalogs()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        var table = f.Identity.Settings.Routes.ToJson();
        f.Blueprint.Output("ingressRoutes", table);
        Binary(f, "good", ["--services=gateway"], "PLATFORM_SERVICES=gateway", $"PLATFORM_ROUTES={table}");
        Binary(f, "late", ["--services=gateway"], "PLATFORM_SERVICES=gateway", "PLATFORM_ROUTES=${routes}");
        Binary(f, "bad", ["--services=gateway"], "PLATFORM_SERVICES=gateway", "PLATFORM_ROUTES=[]");
        Binary(f, "none", ["--services=gateway"], "PLATFORM_SERVICES=gateway");
        f.AssertOne("PLT-003", "bad", $"hands the binary PLATFORM_ROUTES=[], not the catalog's table {table}.");
        Assert.Equal(4, f.Checked("PLT-003"));
    }

    [Fact]
    public void Route_comparison_names_every_program_without_a_table_and_compares_against_the_first_table()
    {
        var a = new PolicyFixture(stack: "a");
        var b = new PolicyFixture(stack: "b");
        var c = new PolicyFixture(stack: "c");
        var d = new PolicyFixture(stack: "d");
        b.Blueprint.Output("ingressRoutes", "[1]");
        c.Blueprint.Output("ingressRoutes", "[1]");
        d.Blueprint.Output("ingressRoutes", "[2]");
        var findings = IngressRouteComparison.Compare([a.Blueprint, b.Blueprint, c.Blueprint, d.Blueprint]);
        Assert.Equal(["a:output:ingressRoutes", "d:output:ingressRoutes"], findings.Select(x => x.Subject));
        Assert.Equal("exports no literal ingressRoutes output.", findings[0].Problem);
        Assert.Equal("routes ingress as [2], but b routes it as [1].", findings[1].Problem);
        Assert.All(findings, x => Assert.Equal(("PLT-003", Severity.Mandatory), (x.PolicyId, x.Severity)));
        Assert.Null(IngressRouteComparison.Table(a.Blueprint));
        Assert.Empty(IngressRouteComparison.Compare([]));
    }

    // PLT-001 on a fleet's peer table --------------------------------------------------------------

    private static PolicyFixture Fleet(Func<string, string> edit)
    {
        var userData = edit(Infra.Platform.Provisioning.CloudInitUserData.Render(Infra.Tests.Dc9.ProvisioningFixtures.Spec()));
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("good-template", Tokens.LaunchTemplate, ("userData",
            Infra.Platform.Provisioning.CloudInitUserData.Render(Infra.Tests.Dc9.ProvisioningFixtures.Spec())));
        f.Add("fleet-template", Tokens.LaunchTemplate, ("userData", edit(userData)));
        return f;
    }

    [Fact]
    public void Plt001_a_fleet_unit_without_the_services_flag_is_flagged_beside_a_good_one()
    {
        var f = Fleet(t => t.Replace(" --services=${PLATFORM_SERVICES}", ""));
        var violation = f.AssertOne("PLT-001", "fleet-template", "carries a peer table in its user-data but starts the platform binary without --services in");
        Assert.Contains("--services=${PLATFORM_SERVICES}", violation.Fix);
    }

    [Fact]
    public void Plt001_an_empty_peer_table_is_flagged()
    {
        var f = Fleet(t => System.Text.RegularExpressions.Regex.Replace(t, @"(?m)^\s*server-\d+ host-\d+ \S+ \S+\n", ""));
        var violation = f.AssertOne("PLT-001", "fleet-template", "carries an empty peer table");
        Assert.Contains("ServerFleet renders it", violation.Fix);
    }

    [Fact]
    public void Plt001_a_row_without_an_address_says_so()
    {
        var f = Fleet(t => t.Replace("server-2 host-2 10.0.72.16 events\n", "server-2\n"));
        f.AssertOne("PLT-001", "fleet-template", "('server-2' at no address) has an empty Services list");
    }

    [Fact]
    public void Plt001_unknown_services_are_named_flag_first_then_variable()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", ["--services=gateway,billing"], "PLATFORM_SERVICES=gateway,search");
        var problems = f.Run("PLT-001").Select(v => v.Problem).ToList();
        Assert.Equal("lists Service 'billing', which this stack does not run.", problems[0]);
        Assert.Equal("lists Service 'search', which this stack does not run.", problems[1]);
        Assert.StartsWith("tells the binary two different Services lists", problems[2]);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Route_comparison_of_programs_without_tables_names_each()
    {
        var a = new PolicyFixture(stack: "a");
        var b = new PolicyFixture(stack: "b");
        var findings = IngressRouteComparison.Compare([a.Blueprint, b.Blueprint]);
        Assert.Equal(["a:output:ingressRoutes", "b:output:ingressRoutes"], findings.Select(x => x.Subject));
        Assert.All(findings, x => Assert.Equal("export platform.Routes.ToJson() as ingressRoutes.", x.Fix));
    }

    // How the pack finds binaries and their flags --------------------------------------------------

    [Fact]
    public void A_binary_is_found_by_its_flag_or_a_platform_variable_and_reads_entrypoints_too()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("by-flag", Tokens.DockerContainer, ("entrypoints", Strings("/platform", "--services=gateway")));
        f.Add("by-env", Tokens.DockerContainer, ("envs", Strings("PLATFORM_SERVICES=gateway")));
        f.Add("neither", Tokens.DockerContainer, ("envs", Strings("OTEL_SERVICE_NAME=x")));
        var launches = PlatformBinaries.All(f.Blueprint).ToList();
        Assert.Equal(["by-flag", "by-env"], launches.Select(l => l.Resource.Name));
        Assert.Equal("/platform --services=gateway", launches[0].Flags);
        Assert.Null(launches[0].Variable("PLATFORM_SERVICES"));
        Assert.Equal("gateway", launches[1].Variable("PLATFORM_SERVICES"));
    }

    [Fact]
    public void User_data_assignments_are_read_with_their_quotes_removed_and_not_inside_longer_names()
    {
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server", Tokens.Instance, ("userData",
            "Environment=PLATFORM_SERVICES=\"a,b\" 'OTEL_SERVICE_NAME=svc'\nMY_PLATFORM_X=1\nEnvironment=PLATFORM_EMPTY=\"\"\n--services 'a,b'"));
        var launch = Assert.Single(PlatformBinaries.All(f.Blueprint));
        Assert.Equal("a,b", launch.Variable("PLATFORM_SERVICES"));
        Assert.Equal("svc", launch.Variable("OTEL_SERVICE_NAME"));
        Assert.Equal("", launch.Variable("PLATFORM_EMPTY"));
        Assert.Null(launch.Variable("PLATFORM_X"));
        Assert.Equal(["a,b"], PlatformBinaries.ServicesFlags(launch));
        Assert.Null(launch.PeerTable);
    }

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData(" a , b ,", new[] { "a", "b" })]
    [InlineData(",,", new string[0])]
    public void Service_lists_split_on_commas_and_drop_blanks(string csv, string[] expected) =>
        Assert.Equal(expected, PlatformBinaries.Split(csv));
}
