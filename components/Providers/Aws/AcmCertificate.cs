using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:acm/certificate:Certificate</c>.</summary>
public sealed class AcmCertificate(Scope scope, string id, AcmCertificateArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:acm/certificate:Certificate";
    public Output<string> Arn => Output<string>("arn");

    /// <summary>The DNS record ACM asks for (one record covers the apex and its wildcard).</summary>
    public Output<string> ValidationRecordName => Output<string>("domainValidationOptions[0].resourceRecordName");
    public Output<string> ValidationRecordType => Output<string>("domainValidationOptions[0].resourceRecordType");
    public Output<string> ValidationRecordValue => Output<string>("domainValidationOptions[0].resourceRecordValue");
}

public sealed class AcmCertificateArgs : Args
{
    public required Input<string> DomainName { get; init; }
    public IReadOnlyList<Input<string>>? SubjectAlternativeNames { get; init; }
    public required Input<string> ValidationMethod { get; init; }
    public Input<string>? KeyAlgorithm { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
