using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Storage;

/// <summary>STO-001: every S3 bucket declares default encryption, inline or with an encryption-configuration resource.</summary>
public sealed class BucketEncrypted : ResourcePolicy
{
    public override string Id => "STO-001";
    public override string Title => "S3 buckets encrypted";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => Tokens.IsBucket(resource.Type) && resource.Get is null;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var inline = Props.Has(resource, "serverSideEncryptionConfiguration") || Props.List(resource, "serverSideEncryptionConfigurations").Count > 0;
        var separate = context.Blueprint.Resources.Any(r =>
            r.Type is Tokens.BucketEncryptionV2 or Tokens.BucketEncryption && Props.RefersTo(Props.Get(r, "bucket"), resource.Name) &&
            Props.List(r, "rules").Count > 0);
        if (!inline && !separate)
            yield return Violation(resource.Name, "has no default encryption.",
                $"add an {Tokens.BucketEncryptionV2} with bucket: ${{{resource.Name}.id}} and rules: " +
                "[{applyServerSideEncryptionByDefault: {sseAlgorithm: aws:kms}, bucketKeyEnabled: true}].");
    }
}
