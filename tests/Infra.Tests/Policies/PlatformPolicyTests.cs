using System.IO.Compression;
using System.Text;
using Infra.Platform;
using Infra.Platform.Provisioning;
using Infra.Policies.Inspection;
using Infra.Policies.Platform;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

public sealed class PlatformPolicyTests
{
    private static ListExpr Strings(params string[] items) => List(items.Select(i => (Expr)i).ToArray());

    private static Infra.Tests.Support.TestResource Binary(PolicyFixture f, string id, string? flag, params string[] env) =>
        f.Add(id, Tokens.DockerContainer, ("image", "x:1"),
            ("command", flag is null ? Strings("--http-addr=:8080") : Strings(flag, "--http-addr=:8080")), ("envs", Strings(env)));

    [Fact]
    public void Plt001_flags_a_binary_without_the_services_flag()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", null, "PLATFORM_SERVICES=gateway");
        f.AssertOne("PLT-001", "app", "without the --services flag");
    }

    [Fact]
    public void Plt001_flags_an_empty_list_and_a_mismatch()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", "--services=", "PLATFORM_SERVICES=");
        f.AssertOne("PLT-001", "app", "empty Services list, which would mean 'run everything'");

        var mismatch = new PolicyFixture(Tier.OnPrem3);
        Binary(mismatch, "app", "--services=gateway", "PLATFORM_SERVICES=gateway,events");
        mismatch.AssertOne("PLT-001", "app", "two different Services lists");

        var unknown = new PolicyFixture(Tier.OnPrem3);
        Binary(unknown, "app", "--services=billing", "PLATFORM_SERVICES=billing");
        unknown.AssertOne("PLT-001", "app", "lists Service 'billing', which this stack does not run");
    }

    [Fact]
    public void Plt001_reads_the_flags_inside_base64_gzipped_user_data()
    {
        var script = "#!/bin/sh\nExecStart=/opt/platform --services= --node-id=1\nEnvironment=PLATFORM_SERVICES=\n";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(script));
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server-1", Tokens.Instance, ("userDataBase64", Convert.ToBase64String(buffer.ToArray())));
        f.AssertOne("PLT-001", "server-1", "empty Services list");

        var ok = new PolicyFixture(Tier.Dc9);
        ok.Add("server-1", Tokens.Instance, ("userData", "ExecStart=/opt/platform --services=accounts\nEnvironment=PLATFORM_SERVICES=accounts\n"));
        ok.AssertNone("PLT-001");
    }

    /// <summary>A fleet launch template whose user-data is the real fleet document, edited by <paramref name="edit"/>.</summary>
    private static PolicyFixture FleetTemplate(Func<string, string>? edit = null, bool gzip = false)
    {
        var userData = (edit ?? (t => t))(CloudInitUserData.Render(Infra.Tests.Dc9.ProvisioningFixtures.Spec()));
        var f = new PolicyFixture(Tier.Dc9);
        Expr value = new FunctionCall("fn::toBase64", (Expr)userData);
        if (gzip)
        {
            using var buffer = new MemoryStream();
            using (var stream = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) stream.Write(Encoding.UTF8.GetBytes(userData));
            value = Convert.ToBase64String(buffer.ToArray());
        }
        f.Add("fleet-template", Tokens.LaunchTemplate, ("userData", value));
        return f;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Plt001_passes_a_fleet_whose_peer_table_gives_every_server_its_services(bool gzip) =>
        FleetTemplate(gzip: gzip).AssertNone("PLT-001");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Plt001_flags_a_peer_table_row_without_services(bool gzip)
    {
        var f = FleetTemplate(t => t.Replace("server-2 host-2 10.0.72.16 events\n", "server-2 host-2 10.0.72.16\n"), gzip);
        f.AssertOne("PLT-001", "fleet-template", "peer table row 4 ('server-2' at 10.0.72.16) has an empty Services list");
    }

    [Fact]
    public void Plt001_flags_an_unknown_service_in_a_peer_table_row()
    {
        var f = FleetTemplate(t => t.Replace("server-3 host-3 10.0.80.16 gateway\n", "server-3 host-3 10.0.80.16 gateway,billing\n"));
        f.AssertOne("PLT-001", "fleet-template", "('server-3' at 10.0.80.16) lists Service 'billing', which this stack does not run");
    }

    [Fact]
    public void Plt001_flags_a_fleet_unit_that_ignores_the_servers_row()
    {
        var fixed_ = FleetTemplate(t => t.Replace("--services=${PLATFORM_SERVICES}", "--services=accounts"));
        fixed_.AssertOne("PLT-001", "fleet-template", "with --services=accounts, not the Services of the server's peer-table row");

        var optional = FleetTemplate(t => t.Replace("EnvironmentFile=/etc/platform/identity.env", "EnvironmentFile=-/etc/platform/identity.env"));
        optional.AssertOne("PLT-001", "fleet-template", "without reading /etc/platform/identity.env");
    }

    [Fact]
    public void Plt001_passes_explicit_matching_lists()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", "--services=gateway,accounts,events", "PLATFORM_SERVICES=gateway,accounts,events");
        f.Add("collector", Tokens.DockerContainer, ("image", "otel:1"), ("command", Strings("--config=/etc/c.yaml")));
        f.AssertNone("PLT-001");
    }

    [Fact]
    public void Plt002_flags_a_shared_database_and_a_missing_one()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", "--services=gateway,accounts", "PLATFORM_SERVICES=gateway,accounts", "PLATFORM_DB_HOST=db",
            "PLATFORM_DB_GATEWAY_NAME=gateway", "PLATFORM_DB_ACCOUNTS_NAME=gateway");
        var violations = f.Run("PLT-002");
        Assert.Contains(violations, v => v.Subject == "app" && v.Problem.Contains("PLATFORM_DB_ACCOUNTS_NAME=gateway, but the catalog gives 'accounts' the namespace 'accounts'"));
        Assert.Contains(violations, v => v.Subject == "app" && v.Problem.Contains("at the same database 'gateway'"));

        var missing = new PolicyFixture(Tier.OnPrem3);
        Binary(missing, "app", "--services=events", "PLATFORM_SERVICES=events", "PLATFORM_DB_HOST=db");
        missing.AssertOne("PLT-002", "app", "does not set PLATFORM_DB_EVENTS_NAME");
    }

    [Fact]
    public void Plt002_passes_one_database_per_service()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        Binary(f, "app", "--services=gateway,accounts", "PLATFORM_SERVICES=gateway,accounts", "PLATFORM_DB_HOST=db",
            "PLATFORM_DB_GATEWAY_NAME=gateway", "PLATFORM_DB_ACCOUNTS_NAME=accounts");
        f.AssertNone("PLT-002");
    }

    [Fact]
    public void Plt003_requires_the_catalogs_route_table_as_output()
    {
        var f = new PolicyFixture();
        f.AssertOne("PLT-003", "output:ingressRoutes", "is missing");

        var edited = new PolicyFixture();
        edited.Blueprint.Output("ingressRoutes", "[{\"host\":\"api\",\"pathPrefix\":\"/\",\"service\":\"accounts\"}]");
        edited.AssertOne("PLT-003", "output:ingressRoutes", "but the catalog's table for this stack is");

        var ok = new PolicyFixture();
        ok.Blueprint.Output("ingressRoutes", ok.Identity.Settings.Routes.ToJson());
        ok.AssertNone("PLT-003");
    }

    [Fact]
    public void Plt003_flags_a_binary_handed_another_table()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Blueprint.Output("ingressRoutes", f.Identity.Settings.Routes.ToJson());
        Binary(f, "app", "--services=gateway", "PLATFORM_SERVICES=gateway", "PLATFORM_ROUTES=[]");
        f.AssertOne("PLT-003", "app", "hands the binary PLATFORM_ROUTES=[]");
    }

    [Fact]
    public void Route_tables_compare_across_tier_programs()
    {
        var laptop = new PolicyFixture(Tier.Laptop, stack: "laptop");
        var onprem = new PolicyFixture(Tier.OnPrem3, stack: "onprem3");
        var dc9 = new PolicyFixture(Tier.Dc9, stack: "dc9");
        var table = laptop.Identity.Settings.Routes.ToJson();
        laptop.Blueprint.Output("ingressRoutes", table);
        onprem.Blueprint.Output("ingressRoutes", table);
        dc9.Blueprint.Output("ingressRoutes", "[]");
        Assert.Empty(IngressRouteComparison.Compare([laptop.Blueprint, onprem.Blueprint]));
        var finding = Assert.Single(IngressRouteComparison.Compare([laptop.Blueprint, onprem.Blueprint, dc9.Blueprint]));
        Assert.Equal("dc9:output:ingressRoutes", finding.Subject);
        Assert.Contains("but laptop routes it as", finding.Problem);
    }
}
