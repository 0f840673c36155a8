using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Storage;

/// <summary>STO-003: no bucket grants read or write to everyone through a canned ACL.</summary>
public sealed class BucketAclPrivate : ResourcePolicy
{
    public override string Id => "STO-003";
    public override string Title => "S3 buckets have no public canned ACL";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => Tokens.IsBucket(resource.Type) && Props.Has(resource, "acl");

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.String(resource, "acl") is ("public-read" or "public-read-write" or "authenticated-read") and var acl)
            yield return Violation(resource.Name, $"grants access to everyone with acl: {acl}.",
                "remove the acl (buckets are private, with ObjectOwnership BucketOwnerEnforced); share through CloudFront or presigned URLs.");
    }
}
