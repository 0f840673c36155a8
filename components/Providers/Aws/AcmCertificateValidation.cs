using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:acm/certificateValidation:CertificateValidation</c>: waits until ACM has issued.</summary>
public sealed class AcmCertificateValidation(Scope scope, string id, AcmCertificateValidationArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:acm/certificateValidation:CertificateValidation";
    public Output<string> CertificateArn => Output<string>("certificateArn");
}

public sealed class AcmCertificateValidationArgs : Args
{
    public required Input<string> CertificateArn { get; init; }
    public IReadOnlyList<Input<string>>? ValidationRecordFqdns { get; init; }
}
