using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Storage;

/// <summary>STO-002: every S3 bucket has a public access block with all four switches on.</summary>
public sealed class BucketPublicAccessBlocked : ResourcePolicy
{
    public static readonly IReadOnlyList<string> Switches = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public override string Id => "STO-002";
    public override string Title => "S3 public access blocked";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => Tokens.IsBucket(resource.Type) && resource.Get is null;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var block = context.Blueprint.Resources.FirstOrDefault(r =>
            r.Type == Tokens.BucketPublicAccessBlock && Props.RefersTo(Props.Get(r, "bucket"), resource.Name));
        if (block is null)
        {
            yield return Violation(resource.Name, "has no public access block.",
                $"add an {Tokens.BucketPublicAccessBlock} with bucket: ${{{resource.Name}.id}} and {string.Join(", ", Switches)} all true.");
            yield break;
        }
        var off = Switches.Where(s => Props.Bool(block, s) != true).ToList();
        if (off.Count > 0)
            yield return Violation(resource.Name, $"has a public access block ({block.Name}) with {string.Join(", ", off)} not true.",
                $"set {string.Join(", ", off)} to true on {block.Name}.");
    }
}
