using Infra.Platform;
using Infra.Policies;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Cloud;

/// <summary>
/// The cloud-constraint layer over every tier's program: each program, as the repository's stack files
/// (and the dc9 variants the tests use) synthesize it, has no CLD violation, so nothing in it is refused
/// by AWS, Docker or Cloudflare at create time for a reason the layer knows.
/// </summary>
public sealed class TierCloudConstraintTests
{
    /// <summary>The programs checked, by name: a tier's stack file, or a variant of it.</summary>
    private static readonly IReadOnlyDictionary<string, (Tier Tier, Func<CheckedProgram> Check)> Programs =
        new Dictionary<string, (Tier, Func<CheckedProgram>)>
        {
            ["laptop"] = (Tier.Laptop, () => Repo("laptop")),
            ["laptop-telemetry"] = (Tier.Laptop, () => Variant("laptop", Replacing(RepoStack("laptop"), "infra:telemetry: \"false\"", "infra:telemetry: \"true\""))),
            ["onprem3"] = (Tier.OnPrem3, () => Repo("onprem3")),
            ["dc9"] = (Tier.Dc9, () => Repo("dc9")),
            ["dc9-example"] = (Tier.Dc9, () => Variant("dc9", Dc9Example)),
            ["dc9-cloudflare"] = (Tier.Dc9, () => Variant("dc9", Replacing(Replacing(Dc9Example,
                "infra:dnsProvider: route53", "infra:dnsProvider: cloudflare"),
                "infra:route53ZoneId: Z0123456789EXAMPLE", "infra:cloudflareZoneId: 0123456789abcdef0123456789abcdef"))),
            // The longest names dc9 accepts: stack, Service (31), host label (63) and domain (64).
            [LongNamesStack] = (Tier.Dc9, () => Variant(LongNamesStack, Dc9LongNames)),
            ["global"] = (Tier.Global, () => Repo("global")),
            // The longest names the global tier accepts: a 12-character region name and a long stack name.
            ["global-long-names"] = (Tier.Global, () => Variant(LongNamesStack, Replacing(RepoStack("global"), "config:\n",
                "config:\n  infra:tier: global\n").Replace("name: frankfurt", "name: frankfurtone", StringComparison.Ordinal))),
        };

    /// <summary>A stack name with capitals and '_', longer than a bucket prefix allows.</summary>
    public const string LongNamesStack = "Team_Platform_Notifications_Dev";

    /// <summary>The dc9 example at the length limits of every name it takes.</summary>
    public static string Dc9LongNames
    {
        get
        {
            var domain = new string('d', 60) + ".com";
            var host = new string('h', 63);
            const string service = "notifications-gateway-eu-west-1";
            return Replacing(Replacing(Dc9Example, "infra:domain: dev.example.com", $"infra:domain: {domain}"),
                "config:\n", "config:\n  infra:tier: dc9\n" +
                $"  infra:catalog:\n    {service}:\n      routes:\n        - host: {host}\n          path: /\n        - host: api\n          path: /notifications/\n" +
                $"  infra:placement: {{gateway: 3, accounts: 3, events: 3, {service}: 2}}\n");
        }
    }

    public static TheoryData<string> ProgramNames => new(Programs.Keys);

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void The_program_passes_every_cloud_constraint(string program)
    {
        var report = Programs[program].Check().Report!;
        var cloud = report.Results.Where(r => r.Policy.Category == "Cloud").ToList();
        Assert.NotEmpty(cloud);
        var violations = cloud.SelectMany(r => r.Failed.Concat(r.Exempted.Select(e => e.Violation))).ToList();
        Assert.True(violations.Count == 0,
            $"{program}: {violations.Count} cloud-constraint violation(s); the cloud would refuse these at create time:\n" +
            string.Join("\n", violations.Select(v => "  " + v.Render())));
    }

    [Fact]
    public void Every_available_tier_has_a_program_in_the_check()
    {
        var covered = Programs.Values.Select(p => p.Tier).ToHashSet();
        foreach (var tier in TierRegistry.Available)
            Assert.True(covered.Contains(tier.Tier), $"tier {TierShape.Of(tier.Tier).Name} has no program in the cloud-constraint check; add it.");
    }

    [Theory]
    [InlineData("laptop", new[] { "CLD-014", "CLD-015" })]
    [InlineData("onprem3", new[] { "CLD-014", "CLD-015" })]
    [InlineData("dc9", new[] { "CLD-001", "CLD-002", "CLD-003", "CLD-004", "CLD-005", "CLD-006", "CLD-007", "CLD-008", "CLD-009", "CLD-010", "CLD-011", "CLD-012", "CLD-013" })]
    [InlineData("dc9-cloudflare", new[] { "CLD-012" })]
    [InlineData(LongNamesStack, new[] { "CLD-001", "CLD-005", "CLD-011", "CLD-012" })]
    [InlineData("global", new[] { "CLD-001" })]
    [InlineData("global-long-names", new[] { "CLD-001" })]
    public void The_check_is_not_vacuous_each_tier_has_subjects_for_its_rules(string program, string[] policies)
    {
        var report = Programs[program].Check().Report!;
        foreach (var id in policies)
            Assert.True(report.Results.Single(r => r.Policy.Id == id).Checked > 0, $"{program}: {id} checked nothing");
    }

    private static string RepoStack(string stack) => File.ReadAllText(Path.Combine(RepoPaths.Root, $"Pulumi.{stack}.yaml"));

    private static string Dc9Example => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Infra.Tests", "Dc9", "dc9-example.yaml"));

    /// <summary>The text with one line changed; a variant that silently equals its base would check nothing new.</summary>
    private static string Replacing(string text, string line, string replacement)
    {
        Assert.Contains(line, text, StringComparison.Ordinal);
        return text.Replace(line, replacement, StringComparison.Ordinal);
    }

    private static CheckedProgram Repo(string stack) => StackSynthesizer.Check(Synth.Repo, stack, null);

    private static CheckedProgram Variant(string stack, string yaml)
    {
        using var project = new TempProject((stack, yaml));
        return StackSynthesizer.Check(new ProjectDirectory(project.Root), stack, null);
    }
}
