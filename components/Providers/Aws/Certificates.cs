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

/// <summary><c>aws:route53/record:Record</c>.</summary>
public sealed class Route53Record(Scope scope, string id, Route53RecordArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:route53/record:Record";
    public Output<string> Fqdn => Output<string>("fqdn");
}

public sealed class Route53RecordArgs : Args
{
    public required Input<string> ZoneId { get; init; }
    public required Input<string> Name { get; init; }
    public required Input<string> Type { get; init; }
    public Input<int>? Ttl { get; init; }
    public IReadOnlyList<Input<string>>? Records { get; init; }
    public IReadOnlyList<Route53Alias>? Aliases { get; init; }
    public Input<bool>? AllowOverwrite { get; init; }
}

public sealed class Route53Alias : Args
{
    public required Input<string> Name { get; init; }
    public required Input<string> ZoneId { get; init; }
    public required Input<bool> EvaluateTargetHealth { get; init; }
}
