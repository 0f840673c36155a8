using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Tests.Configuration;

/// <summary>
/// The tier-independent settings read in process: defaults, the Services list, the catalog overrides
/// and their routes, and the error each mistake reports (the process tests cover the same end to end).
/// </summary>
public class PlatformSettingsTests
{
    private static (PlatformSettings Settings, IReadOnlyList<ConfigError> Errors) Read(params (string Key, string Json)[] values)
    {
        var source = new ConfigSource(values.ToDictionary(v => v.Key, v => new RawConfigValue(JsonNode.Parse(v.Json), false)), "test");
        var reader = new ConfigReader(source, "test", Tier.Laptop, CommonKeys.All);
        var settings = PlatformSettings.Read(reader);
        return (settings, reader.Errors);
    }

    private static ConfigError Single(IReadOnlyList<ConfigError> errors) => Assert.Single(errors);

    [Fact]
    public void Without_config_the_defaults_apply()
    {
        var (settings, errors) = Read();
        Assert.Empty(errors);
        Assert.Equal(DeploymentEnvironment.Dev, settings.Environment);
        Assert.False(settings.IsProduction);
        Assert.Equal("platform-team", settings.Owner);
        Assert.Equal(LogLevel.Info, settings.LogLevel);
        Assert.Equal(["gateway", "accounts", "events"], settings.Services.Names);
        Assert.Equal(["gateway", "accounts", "events"], settings.Catalog.Names);
        Assert.Equal(3, settings.Routes.Routes.Count);
    }

    [Fact]
    public void Environment_owner_and_log_level_are_read()
    {
        var (settings, errors) = Read(("infra:environment", "\"production\""), ("infra:owner", "\"team a/b@x.io\""), ("infra:logLevel", "\"debug\""));
        Assert.Empty(errors);
        Assert.True(settings.IsProduction);
        Assert.Equal("team a/b@x.io", settings.Owner);
        Assert.Equal(LogLevel.Debug, settings.LogLevel);
    }

    [Theory]
    [InlineData("\"team<script>\"", "is not a valid owner tag: it contains '<'.")]
    [InlineData("\"\"", "is not a valid owner tag: it has 0 characters.")]
    [InlineData("\"team\u0301\"", "is not a valid owner tag: it contains the combining mark U+0301; type the accented letter as one character.")]
    [InlineData("\"team\u0903\"", "is not a valid owner tag: it contains the combining mark U+0903; type the accented letter as one character.")]
    public void An_owner_outside_the_tag_shape_is_reported(string owner, string problem)
    {
        var (settings, errors) = Read(("infra:owner", owner));
        Assert.Equal("platform-team", settings.Owner);
        Assert.Equal(("infra:owner", problem), (Single(errors).Key, Single(errors).Problem));
        Assert.Equal(CommonKeys.Owner.Allowed, Single(errors).Allowed);
        Assert.StartsWith("1 to 64 characters: letters and digits of any script", Single(errors).Allowed);
    }

    [Fact]
    public void An_owner_with_a_line_break_is_refused_as_multi_line_text()
    {
        var (settings, errors) = Read(("infra:owner", "\"x\\ny\""));
        Assert.Equal("platform-team", settings.Owner);
        Assert.Equal(("infra:owner", "contains a line break or another control character; config values are single-line text."),
            (Single(errors).Key, Single(errors).Problem));
    }

    [Fact]
    public void Owners_in_other_scripts_are_accepted()
    {
        Assert.Empty(Read(("infra:owner", "\"équipe-données\"")).Errors);
        Assert.Empty(Read(("infra:owner", "\"チーム\"")).Errors);
    }

    [Fact]
    public void An_owner_of_64_characters_is_the_longest()
    {
        Assert.Empty(Read(("infra:owner", $"\"{new string('a', 64)}\"")).Errors);
        Assert.Equal("is not a valid owner tag: it has 65 characters.",
            Single(Read(("infra:owner", $"\"{new string('a', 65)}\"")).Errors).Problem);
    }

    [Fact]
    public void The_services_list_picks_and_orders_services_and_routes()
    {
        var (settings, errors) = Read(("infra:services", """["events", "gateway"]"""));
        Assert.Empty(errors);
        Assert.Equal(["events", "gateway"], settings.Services.Names);
        Assert.Equal(["events", "gateway"], settings.Routes.Routes.Select(r => r.Service).Order());
    }

    [Fact]
    public void An_unknown_service_is_reported_with_a_suggestion_and_the_catalog()
    {
        var (settings, errors) = Read(("infra:services", """["gateway", "acounts", "zzz"]"""));
        Assert.Equal(["gateway"], settings.Services.Names);
        Assert.Equal(2, errors.Count);
        Assert.Equal(("infra:services", "acounts", "is not a Service of the catalog. Did you mean accounts?"), (errors[0].Key, errors[0].Value, errors[0].Problem));
        Assert.Equal("one of gateway, accounts, events (or add it with infra:catalog)", errors[0].Allowed);
        Assert.Equal(("zzz", "is not a Service of the catalog."), (errors[1].Value, errors[1].Problem));
    }

    [Fact]
    public void A_service_listed_twice_is_reported_once_and_run_once()
    {
        var (settings, errors) = Read(("infra:services", """["events", "events"]"""));
        Assert.Equal(["events"], settings.Services.Names);
        Assert.Equal(("events", "lists a Service twice.", "each Service once"), (Single(errors).Value, Single(errors).Problem, Single(errors).Allowed));
    }

    [Fact]
    public void When_no_listed_service_exists_every_catalog_service_runs_and_the_errors_stand()
    {
        var (settings, errors) = Read(("infra:services", """["nope"]"""));
        Assert.Equal(["gateway", "accounts", "events"], settings.Services.Names);
        Assert.Single(errors);
        var (empty, emptyErrors) = Read(("infra:services", "[]"));
        Assert.Equal(3, empty.Services.Services.Count);
        Assert.Equal("is an empty list.", Single(emptyErrors).Problem);
    }

    [Fact]
    public void The_catalog_overrides_a_database_and_adds_a_service_with_routes()
    {
        var (settings, errors) = Read(("infra:catalog", """
            {"accounts": {"database": "ledger"},
             "billing-v2": {"routes": [{"host": "api", "path": "/billing/"}, {"host": "pay", "path": "/"}]},
             "search": {}}
            """));
        Assert.Empty(errors);
        Assert.Equal(["gateway", "accounts", "events", "billing-v2", "search"], settings.Catalog.Names);
        Assert.Equal("ledger", settings.Catalog.Find("accounts")!.Database);
        Assert.Equal(["api/accounts/ -> accounts"], settings.Catalog.Find("accounts")!.Routes.Select(r => r.ToString()));
        Assert.Equal("billing_v2", settings.Catalog.Find("billing-v2")!.Database);
        Assert.Equal(["api/billing/ -> billing-v2", "pay/ -> billing-v2"], settings.Catalog.Find("billing-v2")!.Routes.Select(r => r.ToString()));
        Assert.Empty(settings.Catalog.Find("search")!.Routes);
        Assert.Equal(5, settings.Services.Services.Count);
        Assert.Contains(settings.Routes.Routes, r => r.Host == "pay" && r.Service == "billing-v2");
    }

    [Fact]
    public void Catalog_routes_replace_the_defaults_of_a_service()
    {
        var (settings, errors) = Read(("infra:catalog", """{"events": {"routes": [{"host": "hooks", "path": "/in/"}]}}"""));
        Assert.Empty(errors);
        Assert.Equal(["hooks/in/ -> events"], settings.Catalog.Find("events")!.Routes.Select(r => r.ToString()));
        Assert.Equal("events", settings.Catalog.Find("events")!.Database);
    }

    [Fact]
    public void A_catalog_that_shares_a_database_falls_back_to_the_default_catalog()
    {
        var (settings, errors) = Read(("infra:catalog", """{"billing": {"database": "accounts"}}"""));
        var error = Single(errors);
        Assert.Null(error.Value);
        Assert.StartsWith("The DB namespace 'accounts' is shared by accounts and billing", error.Problem);
        Assert.Equal(["gateway", "accounts", "events"], settings.Catalog.Names);
    }

    [Fact]
    public void A_route_claimed_twice_is_reported_and_leaves_no_routes()
    {
        var (settings, errors) = Read(("infra:catalog", """{"billing": {"routes": [{"host": "api", "path": "/accounts/"}]}}"""));
        var error = Single(errors);
        Assert.Equal(("infra:catalog", null), (error.Key, error.Value));
        Assert.StartsWith("The route api/accounts/ is claimed by more than one Service: accounts, billing.", error.Problem);
        Assert.Empty(settings.Routes.Routes);
    }

    [Fact]
    public void Routes_of_services_the_stack_does_not_run_do_not_clash()
    {
        var (settings, errors) = Read(("infra:catalog", """{"billing": {"routes": [{"host": "api", "path": "/accounts/"}]}}"""),
            ("infra:services", """["gateway", "billing"]"""));
        Assert.Empty(errors);
        Assert.Contains(settings.Routes.Routes, r => r.PathPrefix == "/accounts/" && r.Service == "billing");
    }

    [Fact]
    public void Identity_tags_and_physical_names_come_from_the_settings()
    {
        var (settings, _) = Read(("infra:environment", "\"staging\""), ("infra:owner", "\"team-a\""));
        var identity = new StackIdentity("blue", Tier.OnPrem3, settings);
        Assert.Equal("onprem3", identity.TierName);
        Assert.Equal("blue-db", identity.PhysicalName("db"));
        Assert.Equal(["environment=staging", "owner=team-a", "stack=blue", "tier=onprem3"], identity.Tags.Select(t => $"{t.Key}={t.Value}"));
    }
}
