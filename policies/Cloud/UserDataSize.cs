using System.Globalization;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-008: the user-data of an instance or launch template is at most 16 KB (16,384 bytes) as EC2
/// receives it, that is the raw bytes before base64 (after gzip, when it is compressed).
/// </summary>
public sealed class UserDataSize : ResourcePolicy
{
    public const int MaxBytes = 16 * 1024;

    public const string Source = "Amazon EC2 User Guide, Run commands when you launch an EC2 instance with user data input " +
                                 "(user data is limited to 16 KB in raw form, before base64 encoding)";

    public override string Id => "CLD-008";
    public override string Title => "User-data is at most 16 KB before base64";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && Tokens.IsServer(resource.Type) &&
        (Props.Has(resource, "userData") || Props.Has(resource, "userDataBase64"));

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        foreach (var property in new[] { "userData", "userDataBase64" })
        {
            var base64 = property == "userDataBase64" || resource.Type == Tokens.LaunchTemplate;
            var size = RawUserData.Of(Props.Get(resource, property), base64);
            if (size is null || size.Bytes <= MaxBytes) continue;
            var bytes = size.Bytes.ToString("N0", CultureInfo.InvariantCulture);
            yield return Violation(resource.Name, property,
                $"is {(size.Exact ? "" : "at least ")}{bytes} bytes before base64; EC2 accepts at most {MaxBytes:N0}.", Source,
                "gzip it (cloud-init inflates gzip user-data), or move large content to a file the server fetches.");
        }
    }
}
