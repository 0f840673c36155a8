using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies;
using Infra.Providers;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

/// <summary>Builds small programs and stack contexts for policy tests.</summary>
public sealed class PolicyFixture
{
    public Blueprint Blueprint { get; }
    public StackIdentity Identity { get; }

    /// <param name="config">More <c>infra:*</c> values of the stack (e.g. a catalog), as Pulumi passes them.</param>
    public PolicyFixture(Tier tier = Tier.Dc9, DeploymentEnvironment environment = DeploymentEnvironment.Staging, string stack = "test",
        IReadOnlyDictionary<string, JsonNode>? config = null)
    {
        Blueprint = new Blueprint(stack);
        foreach (var package in new[] { "aws", "docker", "random", "nomad", "kubernetes" })
            Blueprint.UseProvider(new ProviderResource(Blueprint, $"{package}-provider", package, PinnedProviders.VersionOf(package)));
        var values = new Dictionary<string, RawConfigValue>
        {
            ["infra:environment"] = new(JsonValue.Create(environment.ToString().ToLowerInvariant()), false),
            ["infra:owner"] = new(JsonValue.Create("team-a"), false),
        };
        foreach (var (key, value) in config ?? new Dictionary<string, JsonNode>()) values[key] = new(value, false);
        var reader = new ConfigReader(new ConfigSource(values, "test"), stack, tier, CommonKeys.All);
        var settings = PlatformSettings.Read(reader);
        Assert.Empty(reader.Errors);
        Identity = new StackIdentity(stack, tier, settings);
    }

    /// <summary>Tags that satisfy HYG-001/HYG-002 for this stack.</summary>
    public ObjectExpr Tags => Obj(("stack", Identity.Stack), ("tier", Identity.TierName), ("owner", "team-a"), ("expiry", "2030-01-01"));

    public TestResource Add(string id, string type, params (string Key, Expr Value)[] properties) =>
        new(Blueprint, id, type, Obj(properties));

    public TestResource Add(string id, string type, ResourceOptions options, params (string Key, Expr Value)[] properties) =>
        new(Blueprint, id, type, Obj(properties), options);

    public static ObjectExpr Obj(params (string Key, Expr Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, Expr>(e.Key, e.Value)).ToList());

    public static ListExpr List(params Expr[] items) => new(items);

    public static Reference Ref(Resource resource, string path = "id") => new Reference(resource.Name).Then(path);

    public PolicyContext Context(IReadOnlyList<string>? allowedInstanceTypes = null) =>
        allowedInstanceTypes is null
            ? PolicyContext.WithDefaults(Blueprint, Identity)
            : new PolicyContext(Blueprint, Identity, allowedInstanceTypes);

    /// <summary>The violations one policy finds in this fixture's program.</summary>
    public IReadOnlyList<Violation> Run(string policyId, IReadOnlyList<string>? allowedInstanceTypes = null)
    {
        var policy = PolicyPack.Find(policyId) ?? throw new InvalidOperationException($"No policy {policyId}.");
        return policy.Evaluate(Context(allowedInstanceTypes)).Violations;
    }

    /// <summary>Asserts exactly one violation of <paramref name="policyId"/>, on <paramref name="subject"/>, saying <paramref name="fragment"/>.</summary>
    public Violation AssertOne(string policyId, string subject, string fragment, IReadOnlyList<string>? allowedInstanceTypes = null)
    {
        var violations = Run(policyId, allowedInstanceTypes);
        var violation = Assert.Single(violations);
        Assert.Equal(policyId, violation.PolicyId);
        Assert.Equal(subject, violation.Subject);
        Assert.Contains(fragment, violation.Problem, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(violation.Fix));
        return violation;
    }

    /// <summary>How many subjects <paramref name="policyId"/> checked (what its pass count is made of).</summary>
    public int Checked(string policyId) =>
        (PolicyPack.Find(policyId) ?? throw new InvalidOperationException($"No policy {policyId}.")).Evaluate(Context()).Checked;

    public void AssertNone(string policyId, IReadOnlyList<string>? allowedInstanceTypes = null)
    {
        var violations = Run(policyId, allowedInstanceTypes);
        Assert.True(violations.Count == 0, $"{policyId} found: " + string.Join("\n", violations.Select(v => v.Render())));
    }
}
