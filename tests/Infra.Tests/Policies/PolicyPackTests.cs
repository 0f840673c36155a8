using System.Text.RegularExpressions;
using Infra.Policies;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

public sealed partial class PolicyPackTests
{
    [GeneratedRegex("^(PLT|NET|CMP|EDG|STO|HYG|CLD|CLU)-[0-9]{3}$")]
    private static partial Regex IdShape();

    [Fact]
    public void The_pack_has_at_least_25_policies_with_stable_unique_ids()
    {
        Assert.True(PolicyPack.All.Count >= 25, $"only {PolicyPack.All.Count} policies");
        Assert.Equal(PolicyPack.All.Count, PolicyPack.All.Select(p => p.Id).Distinct().Count());
        foreach (var policy in PolicyPack.All)
        {
            Assert.Matches(IdShape(), policy.Id);
            Assert.False(string.IsNullOrWhiteSpace(policy.Title), policy.Id);
            // The id prefix names the folder the rule lives in.
            var prefix = policy.Category switch
            {
                "Platform" => "PLT", "Network" => "NET", "Compute" => "CMP", "Edge" => "EDG", "Storage" => "STO", "Hygiene" => "HYG", "Cloud" => "CLD", "Cluster" => "CLU",
                _ => "?",
            };
            Assert.StartsWith(prefix + "-", policy.Id);
        }
    }

    [Fact]
    public void The_pack_lists_every_concrete_policy_of_the_assembly()
    {
        // The compiler runs natively, so the pack is a list (Core/PolicyCatalog.cs): reflection here finds a forgotten rule.
        var listed = PolicyPack.All.Select(p => p.GetType()).ToHashSet();
        var missing = typeof(Policy).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(Policy)) && !listed.Contains(t))
            .Select(t => $"new {t.FullName!["Infra.Policies.".Length..]}()")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, $"add to policies/Core/PolicyCatalog.cs: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_policy_lives_in_its_own_file_named_after_it()
    {
        var root = Path.Combine(RepoPaths.Root, "policies");
        foreach (var policy in PolicyPack.All)
        {
            var file = Path.Combine(root, policy.Category, policy.GetType().Name + ".cs");
            Assert.True(File.Exists(file), $"{policy.Id} should be in {Path.GetRelativePath(RepoPaths.Root, file)}");
        }
    }

    [Fact]
    public void Each_available_tier_default_program_passes_every_mandatory_policy()
    {
        foreach (var tier in TierRegistry.Available)
        {
            var name = Infra.Platform.TierShape.Of(tier.Tier).Name;
            var program = StackSynthesizer.Check(new ProjectDirectory(RepoPaths.Root), name, null);
            var report = program.Report!;
            Assert.True(!report.HasMandatoryFailures,
                $"{name}: " + string.Join("\n", report.MandatoryFailures.Select(v => v.Render())));
            Assert.Contains(report.Results, r => r.Policy.Id == "PLT-001" && r.Checked > 0);
        }
    }

    [Fact]
    public void The_laptop_program_is_checked_by_its_platform_hygiene_and_network_rules()
    {
        var report = StackSynthesizer.Check(new ProjectDirectory(RepoPaths.Root), "laptop", null).Report!;
        foreach (var id in new[] { "PLT-001", "PLT-002", "PLT-003", "HYG-001", "HYG-003", "HYG-004", "HYG-005", "HYG-006", "HYG-007", "NET-009" })
            Assert.Equal("pass", report.Results.Single(r => r.Policy.Id == id).Status);
    }

    [Fact]
    public void Every_available_tier_exports_the_same_ingress_route_table()
    {
        var programs = TierRegistry.Available
            .Select(t => StackSynthesizer.Check(new ProjectDirectory(RepoPaths.Root), Infra.Platform.TierShape.Of(t.Tier).Name, null).Blueprint)
            .ToList();
        var findings = Infra.Policies.Platform.IngressRouteComparison.Compare(programs);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => f.Render())));
    }

    [Fact]
    public void Plugin_discovery_is_not_policy_checked()
    {
        var program = StackSynthesizer.Check(new ProjectDirectory(RepoPaths.Root), null, null);
        Assert.Null(program.Report);
    }
}
