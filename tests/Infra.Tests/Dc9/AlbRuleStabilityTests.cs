using Infra.Platform.Configuration;
using Infra.Tests.Support;

namespace Infra.Tests.Dc9;

/// <summary>
/// Issue 9 A8: adding or removing a Service leaves every other listener rule, target group and
/// target registration of the ALB exactly as it was (same name, same priority, same target), so live
/// traffic never moves to the wrong Service during an update.
/// </summary>
public class AlbRuleStabilityTests
{
    private const string Billing = """
          infra:catalog:
            billing:
              routes:
                - host: api
                  path: /billing/
          infra:placement:
            gateway: 3
            accounts: 3
            events: 3
            billing: 2

        """;

    private static string WithBilling => Dc9Synth.ExampleConfig.TrimEnd() + "\n" + Billing;

    /// <summary>The program's text of each resource (its whole block under <c>resources:</c>), by name.</summary>
    private static Dictionary<string, string> Blocks(string program)
    {
        var blocks = new Dictionary<string, string>();
        string? current = null;
        var lines = new List<string>();
        var inResources = false;
        foreach (var line in program.Split('\n'))
        {
            if (line.Length == 0) { lines.Add(line); continue; } // inside a block scalar (user data)
            if (!line.StartsWith(' ')) { Flush(); inResources = line == "resources:"; continue; }
            if (!inResources) continue;
            if (line.Length > 2 && line[2] != ' ') { Flush(); current = line.Trim().TrimEnd(':'); }
            lines.Add(line);
        }
        Flush();
        return blocks;

        void Flush()
        {
            if (current is not null) blocks[current] = string.Join('\n', lines);
            current = null;
            lines.Clear();
        }
    }

    private static readonly string[] AlbTypes =
        ["aws:lb/listenerRule:ListenerRule", "aws:lb/targetGroup:TargetGroup", "aws:lb/targetGroupAttachment:TargetGroupAttachment"];

    private static Dictionary<string, string> AlbRouting(string program) =>
        Blocks(program).Where(b => AlbTypes.Any(t => b.Value.Contains($"type: {t}\n", StringComparison.Ordinal)))
            .ToDictionary(b => b.Key, b => b.Value);

    [Fact]
    public void Adding_a_service_adds_its_rule_and_target_group_and_rewrites_no_existing_one()
    {
        var before = AlbRouting(Dc9Synth.Yaml());
        var after = AlbRouting(Dc9Synth.Yaml(WithBilling));

        Assert.All(before, b => Assert.Equal(b.Value, after.GetValueOrDefault(b.Key)));
        Assert.Equal(["alb-rule-api-billing", "alb-target-billing-1", "alb-target-billing-2", "alb-tg-billing"],
            after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
        var rule = after["alb-rule-api-billing"];
        Assert.Contains("targetGroupArn: ${alb-tg-billing.arn}", rule);
        Assert.Contains("- /billing/*", rule);
        Assert.Contains("priority: 4", rule); // the depth-1 band, 40001..45000: before the catch-all api/ (46532)
    }

    [Fact]
    public void Removing_a_service_removes_only_its_rule_and_target_group()
    {
        var before = AlbRouting(Dc9Synth.Yaml(WithBilling));
        var after = AlbRouting(Dc9Synth.Yaml(WithBilling.Replace("    billing: 2\n", "")
            .Replace("  infra:placement:", "  infra:services: [gateway, accounts, events]\n  infra:placement:")));

        Assert.All(after, a => Assert.Equal(before.GetValueOrDefault(a.Key), a.Value));
        Assert.Equal(["alb-rule-api-billing", "alb-target-billing-1", "alb-target-billing-2", "alb-tg-billing"],
            before.Keys.Except(after.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_priority_collision_between_routes_is_a_config_error_with_its_fix()
    {
        var (first, second) = ListenerRulePlannerTests.CollidingPair();
        string Route(Infra.Platform.Services.IngressRoute route, int? priority) =>
            $"    {route.Service}:\n      routes:\n        - host: api\n          path: {route.PathPrefix}\n" +
            (priority is { } p ? $"          priority: {p}\n" : "");
        string Catalog(int? firstPriority, int? secondPriority) =>
            Dc9Synth.ExampleConfig.TrimEnd() + "\n  infra:catalog:\n" + Route(first, firstPriority) + Route(second, secondPriority) +
            $"  infra:placement:\n    gateway: 3\n    accounts: 3\n    events: 3\n    {first.Service}: 1\n    {second.Service}: 1\n";

        var error = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Catalog(null, null)));
        var moved = error.Message.Contains($"infra:catalog = \"{second.Match}\"", StringComparison.Ordinal) ? second : first;
        Assert.Contains($"infra:catalog = \"{moved.Match}\": gets listener-rule priority", error.Message);
        Assert.Contains("ALB priorities are unique per listener", error.Message);
        Assert.Contains($"Allowed: an explicit priority for one of them, e.g. {moved.Service}.routes priority: ", error.Message);

        var suggested = error.Message.Split($"{moved.Service}.routes priority: ")[1].Split(' ')[0];
        var priority = int.Parse(suggested, System.Globalization.CultureInfo.InvariantCulture);
        var program = Dc9Synth.Yaml(moved == first ? Catalog(priority, null) : Catalog(null, priority));
        Assert.Contains($"priority: {suggested}\n", AlbRouting(program)[$"alb-rule-api-{moved.PathPrefix.Trim('/')}"]);
    }
}
