using Infra.Synthesis;

namespace Infra.Providers.Generated;

// Hand-written beside the generated ACM certificate: the DNS record that proves the domain. The apex and
// its wildcard ask for the same record, so the first validation option is the one to create.
public static partial class Aws
{
    public static partial class Acm
    {
        public sealed partial class Certificate
        {
            public Output<string> ValidationRecordName => DomainValidationOptions.Index<CertificateDomainValidationOption>(0).ResourceRecordName;
            public Output<string> ValidationRecordType => DomainValidationOptions.Index<CertificateDomainValidationOption>(0).ResourceRecordType;
            public Output<string> ValidationRecordValue => DomainValidationOptions.Index<CertificateDomainValidationOption>(0).ResourceRecordValue;
        }
    }
}
