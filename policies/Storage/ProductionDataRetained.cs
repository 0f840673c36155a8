using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Storage;

/// <summary>
/// STO-005: on production stacks every data store (EBS volume, bucket, database, Docker volume) is
/// protected or retained, so a bad refactor or `pulumi destroy` cannot delete the data with it.
/// A store that holds no data (a socket or scratch volume) says so with the tag/label <c>ephemeral: "true"</c>.
/// </summary>
public sealed class ProductionDataRetained : ResourcePolicy
{
    public static readonly IReadOnlySet<string> DataStores = new HashSet<string>(StringComparer.Ordinal)
    {
        Tokens.EbsVolume, Tokens.Bucket, Tokens.BucketV2, Tokens.RdsInstance, Tokens.DockerVolume,
    };

    /// <summary>Marks a store that holds no data (sockets, scratch).</summary>
    public const string EphemeralTag = "ephemeral";

    public override string Id => "STO-005";
    public override string Title => "Production data stores protected or retained";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        context.IsProduction && DataStores.Contains(resource.Type) && resource.Get is null &&
        Taggable.Tags(resource).GetValueOrDefault(EphemeralTag) != "true";

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (resource.Options.Protect != true && resource.Options.RetainOnDelete != true)
            yield return Violation(resource.Name, "holds production data but is neither protected nor retained on delete.",
                $"set ResourceOptions Protect = true (or RetainOnDelete = true) on production stacks; if it holds no data, tag it {EphemeralTag}: \"true\".");
    }
}
