using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-001: the name each AWS resource sends at create time is one the API accepts: the literal
/// <c>name</c>, a <c>namePrefix</c> completed by the provider, or, when the program sets neither,
/// Pulumi's autoname (logical name + 7 hex digits), which is what broke dc9's security groups:
/// autonamed <c>sg-alb-…</c>, and EC2 rejects group names starting with <c>sg-</c>.
/// </summary>
public sealed class AwsNamesAccepted : ResourcePolicy
{
    public override string Id => "CLD-001";
    public override string Title => "AWS names (set, prefixed or autonamed) are ones the API accepts";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        // The package test first: programs without AWS resources never load the API model extract.
        resource.Package == "aws" && CreatedResources.Is(resource) && AwsNames.For(resource.Type) is not null;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var spec = AwsNames.For(resource.Type)!;
        if (resource.Type is Tokens.Bucket or Tokens.BucketV2 && Props.String(resource, "bucketNamespace") is { } ns && ns != "global")
            yield break; // account-regional buckets follow other rules
        var name = SentName.Of(resource, spec.Property, spec.PrefixProperty);
        if (name is null) yield break;
        var problems = spec.Rule.Problems(name.Value);
        if (problems.Count == 0) yield break;
        var property = name.IsGenerated && Props.Has(resource, spec.PrefixProperty ?? "") ? spec.PrefixProperty! : spec.Property;
        yield return Violation(resource.Name, property,
            $"{spec.Property} {name.How}, which {string.Join("; and ", problems)}: the deploy fails when it creates the resource.",
            spec.Rule.Source,
            $"set {spec.Property} explicitly to a name that {spec.Rule.What} accept{Example(spec, $"{context.Identity.Stack}-{resource.Name}")}.");
    }

    /// <summary>A suggestion built from the stack and the resource, offered only when it complies itself.</summary>
    private static string Example(AwsNames.Spec spec, string candidate)
    {
        var example = spec.Property == "bucket" ? candidate.ToLowerInvariant() : candidate;
        return spec.Rule.Problems(example).Count == 0 ? $" (e.g. '{example}')" : "";
    }
}
