using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-002: the tags each AWS resource is created with (the provider's <c>defaultTags</c> overlaid by
/// its own <c>tags</c>, and a launch template's <c>tagSpecifications</c>) are ones the API accepts: at
/// most 50, keys of 1-128 characters not starting with <c>aws:</c>, values of at most 256, and the
/// service's own pattern where its model states one. ELBv2 rejects <c>&gt;</c> in a tag value, which
/// broke dc9's listener rules (<c>route: api/ -&gt; gateway</c>).
/// </summary>
public sealed class AwsTagsAccepted : ResourcePolicy
{
    public override string Id => "CLD-002";
    public override string Title => "AWS tags are within the API's count, length and character limits";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && resource.Package == "aws" &&
        (Taggable.Is(resource) || Props.List(resource, "tagSpecifications").Count > 0);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Taggable.Is(resource) && Taggable.Tags(resource) is var tags && !Accepts(resource.Type, tags))
        {
            var own = Props.Get(resource, "tags") as ObjectExpr;
            foreach (var violation in CheckSet(resource, "tags", tags, key => own?[key] is not null ? "" : " (from the provider's defaultTags)"))
                yield return violation;
        }

        var specs = Props.List(resource, "tagSpecifications");
        for (var i = 0; i < specs.Count; i++)
        {
            var map = Props.Get(specs[i], "tags") as ObjectExpr;
            if (map is null) continue;
            var specTags = map.Entries.ToDictionary(e => e.Key, e => Props.String(e.Value), StringComparer.Ordinal);
            if (Accepts(resource.Type, specTags)) continue;
            foreach (var violation in CheckSet(resource, $"tagSpecifications[{i}].tags", specTags, _ => "")) yield return violation;
        }
    }

    /// <summary>
    /// Whether <see cref="CheckSet"/> would find nothing: few enough tags, and no rule with a problem for any key or
    /// value. Almost every set passes, so this cheap pass runs first and the ordered, worded one only when it fails.
    /// </summary>
    public static bool Accepts(string resourceType, IReadOnlyDictionary<string, string?> tags)
    {
        if (tags.Count > AwsTagRules.MaxTags) return false;
        var (keyRule, valueRule) = AwsTagRules.ForType(resourceType);
        foreach (var (key, value) in tags)
        {
            if (!Complies(key, AwsTagRules.SharedKey, keyRule)) return false;
            if (value is not null && !Complies(value, AwsTagRules.SharedValue, valueRule)) return false;
        }
        return true;
    }

    // No problem under the shared rule or the service's: then Problems(text, shared, service) yields nothing.
    private static bool Complies(string text, TextRule shared, TextRule? service) =>
        shared.Problems(text).Count == 0 && (service is null || service.Problems(text).Count == 0);

    private IEnumerable<Violation> CheckSet(Resource resource, string property, IReadOnlyDictionary<string, string?> tags, Func<string, string> origin)
    {
        if (tags.Count > AwsTagRules.MaxTags)
            yield return Violation(resource.Name, property,
                $"has {tags.Count} tags{(property == "tags" ? " counting the provider's defaultTags" : "")}; AWS allows at most {AwsTagRules.MaxTags} per resource.",
                AwsTagRules.SharedSource, "drop tags, or move the ones every resource needs into fewer keys.");

        var (keyRule, valueRule) = AwsTagRules.ForType(resource.Type);
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var (rule, problem) in Problems(key, AwsTagRules.SharedKey, keyRule))
                yield return Violation(resource.Name, $"{property}.{key}",
                    $"tag key '{key}'{origin(key)} {problem}: AWS rejects the create call.", rule.Source,
                    $"rename the tag key so that {rule.What} accept it.");
            if (value is null) continue;
            foreach (var (rule, problem) in Problems(value, AwsTagRules.SharedValue, valueRule))
                yield return Violation(resource.Name, $"{property}.{key}",
                    $"tag value '{value}'{origin(key)} {problem}: AWS rejects the create call.", rule.Source,
                    $"change the value so that {rule.What} accept it (e.g. replace the characters it names).");
        }
    }

    private static IEnumerable<(TextRule Rule, string Problem)> Problems(string text, TextRule shared, TextRule? service)
    {
        foreach (var problem in shared.Problems(text)) yield return (shared, problem);
        if (service is null) yield break;
        // The service's shape repeats the shared length limits; report only what it adds.
        foreach (var problem in service.Problems(text).Where(p => !shared.Problems(text).Any(s => SameKind(s, p))))
            yield return (service, problem);
    }

    private static bool SameKind(string a, string b) => a.Split(';')[0] == b.Split(';')[0];
}
