using System.Globalization;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-005: ALB listener rules are ones ELB accepts: a priority of 1-50000 (API model) unique on its
/// listener, at least one condition and at most one each of host-header, path-pattern,
/// http-request-method and source-ip, at most 3 values per condition and 5 match evaluations and 5
/// wildcards per rule, host and path values of at most 128 characters from the documented sets, and
/// at most 100 rules per load balancer.
/// </summary>
public sealed class ListenerRulesAccepted : ProgramPolicy
{
    public const int ValuesPerCondition = 3;
    public const int EvaluationsPerRule = 5;
    public const int WildcardsPerRule = 5;
    public const int RulesPerLoadBalancer = 100;

    public const string ConditionSource = "Elastic Load Balancing User Guide (ALB), Listener rules: Condition types";
    public const string QuotaSource = "Elastic Load Balancing User Guide, Quotas for your Application Load Balancers: " +
                                      "Condition values per rule (5), Condition wildcards per rule (5), Matching evaluations per rule (5), " +
                                      "Rules per load balancer, not counting default rules (100)";

    private static readonly string[] SingleConditions = ["hostHeader", "pathPattern", "httpRequestMethod", "sourceIp"];

    public static readonly TextRule HostValue = new("host-header condition values", ConditionSource)
    {
        MinLength = 1,
        MaxLength = 128,
        Pattern = @"[A-Za-z0-9.*?-]+",
        Allowed = "A-Z, a-z, 0-9, - . * ?",
    };

    public static readonly TextRule PathValue = new("path-pattern condition values", ConditionSource)
    {
        MinLength = 1,
        MaxLength = 128,
        Pattern = @"[A-Za-z0-9_.$/~""'@:+&*?-]+",
        Allowed = "A-Z, a-z, 0-9, _ - . $ / ~ \" ' @ : + & * ?",
    };

    public override string Id => "CLD-005";
    public override string Title => "ALB listener rules: priorities, conditions and counts ELB accepts";
    public override Severity Severity => Severity.Mandatory;

    public static bool IsRule(Resource r) => r.Type is "aws:lb/listenerRule:ListenerRule" or "aws:alb/listenerRule:ListenerRule";

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var blueprint = context.Blueprint;
        var rules = blueprint.Resources.Where(r => IsRule(r) && CreatedResources.Is(r)).ToList();
        var violations = new List<Violation>();
        var priorityShape = AwsApiModel.Get(AwsApiShapes.ElbRulePriority);
        var claimed = new Dictionary<(string Listener, double Priority), string>();
        foreach (var rule in rules)
        {
            if (Props.Number(Props.Get(rule, "priority")) is { } priority)
            {
                if (priorityShape.RangeProblem(priority) is { } problem)
                    violations.Add(Violation(rule.Name, "priority", $"{problem}: ELB rejects the rule.", priorityShape.Source,
                        $"use a priority from {priorityShape.Min} to {priorityShape.Max}."));
                if (ListenerOf(rule) is { } listener)
                {
                    if (claimed.TryGetValue((listener, priority), out var first))
                        violations.Add(Violation(rule.Name, "priority",
                            $"is {priority.ToString(CultureInfo.InvariantCulture)}, the priority of {first} on the same listener {listener}: ELB rejects a second rule with it (PriorityInUse).",
                            "Elastic Load Balancing API Reference, CreateRule, Priority (error PriorityInUse)",
                            "give each rule of a listener its own priority."));
                    else claimed[(listener, priority)] = rule.Name;
                }
            }
            violations.AddRange(CheckConditions(rule));
        }

        foreach (var group in rules.GroupBy(r => LoadBalancerOf(blueprint, r)).Where(g => g.Key is not null && g.Count() > RulesPerLoadBalancer))
            violations.Add(Violation(group.Key!, "rules",
                $"has {group.Count()} listener rules (not counting default actions); the quota is {RulesPerLoadBalancer} per load balancer.",
                QuotaSource, "merge routes (more values per condition), or split the ingress over two load balancers."));
        return (rules.Count, violations);
    }

    private IEnumerable<Violation> CheckConditions(Resource rule)
    {
        var conditions = Props.List(rule, "conditions");
        if (conditions.Count == 0)
        {
            yield return Violation(rule.Name, "conditions", "has no condition; ELB requires at least one.", ConditionSource,
                "add a host-header or path-pattern condition.");
            yield break;
        }
        foreach (var kind in SingleConditions)
        {
            var count = conditions.Count(c => Props.Get(c, kind) is not (null or NullLiteral));
            if (count > 1)
                yield return Violation(rule.Name, "conditions",
                    $"has {count} {kind} conditions; a rule may have at most one (put the alternatives in one condition's values).",
                    ConditionSource, $"merge the {kind} conditions into one with several values.");
        }

        var evaluations = 0;
        var wildcards = 0;
        for (var i = 0; i < conditions.Count; i++)
        {
            foreach (var (kind, path) in new[] { ("hostHeader", "hostHeader.values"), ("pathPattern", "pathPattern.values"),
                         ("httpRequestMethod", "httpRequestMethod.values"), ("sourceIp", "sourceIp.values"), ("httpHeader", "httpHeader.values") })
            {
                if (Props.Get(conditions[i], kind) is null or NullLiteral) continue;
                var values = Props.List(Props.Get(conditions[i], path));
                evaluations += values.Count;
                if (values.Count > ValuesPerCondition)
                    yield return Violation(rule.Name, $"conditions[{i}].{path}",
                        $"has {values.Count} values; a condition may have at most {ValuesPerCondition}.", ConditionSource,
                        "split the values over several rules.");
                var texts = values.Select(Props.String).OfType<string>().ToList();
                wildcards += kind is "hostHeader" or "pathPattern" or "httpHeader" ? texts.Sum(t => t.Count(c => c is '*' or '?')) : 0;
                var valueRule = kind switch { "hostHeader" => HostValue, "pathPattern" => PathValue, _ => null };
                if (valueRule is null) continue;
                foreach (var text in texts)
                {
                    var problems = valueRule.Problems(text);
                    if (problems.Count > 0)
                        yield return Violation(rule.Name, $"conditions[{i}].{path}",
                            $"'{text}' {string.Join("; and ", problems)}: ELB rejects the rule.", valueRule.Source,
                            $"use a value that {valueRule.What} accept.");
                }
            }
            foreach (var query in Props.List(Props.Get(conditions[i], "queryStrings")))
            {
                evaluations++;
                wildcards += (Props.String(Props.Get(query, "key")) + Props.String(Props.Get(query, "value"))).Count(c => c is '*' or '?');
            }
        }
        if (evaluations > EvaluationsPerRule)
            yield return Violation(rule.Name, "conditions",
                $"has {evaluations} match evaluations (values over all its conditions); the quota is {EvaluationsPerRule} per rule.",
                QuotaSource, "split the rule into several rules.");
        if (wildcards > WildcardsPerRule)
            yield return Violation(rule.Name, "conditions",
                $"uses {wildcards} wildcards ('*' and '?') over its conditions; the quota is {WildcardsPerRule} per rule.",
                QuotaSource, "split the rule, or use fewer wildcards.");
    }

    /// <summary>The listener a rule is on, as the program refers to it (a resource name, or the literal ARN).</summary>
    private static string? ListenerOf(Resource rule) =>
        Props.Get(rule, "listenerArn") switch
        {
            StringLiteral s => s.Value,
            var expr => Props.ReferencedNames(expr).FirstOrDefault(),
        };

    private static string? LoadBalancerOf(Blueprint blueprint, Resource rule) =>
        ListenerOf(rule) is { } listenerName && blueprint.FindResource(listenerName) is { } listener
            ? Props.ReferencedNames(Props.Get(listener, "loadBalancerArn")).FirstOrDefault()
            : null;
}
