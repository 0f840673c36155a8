using Infra.Synthesis;
using static Infra.Providers.Generated.Tls;

namespace Infra.Stacks.Global;

/// <summary>A certificate the tls provider issued, with its key (both stay in Pulumi state; the key is secret).</summary>
public sealed record IssuedCertificate(PrivateKey Key, Output<string> CertPem);

/// <summary>
/// A CA made by the tls provider (ECDSA P-256, ten years) and the certificates it signs. Generated once and kept
/// in state, so the clusters' trust never depends on reading anything back from a machine.
/// </summary>
public sealed class CertificateAuthority : Component
{
    public const int CaValidityHours = 24 * 365 * 10, LeafValidityHours = 24 * 365 * 2;

    public PrivateKey Key { get; }
    public SelfSignedCert Certificate { get; }

    public CertificateAuthority(Scope scope, string id, string commonName) : base(scope, id)
    {
        Key = new PrivateKey(this, "key", new PrivateKeyArgs { Algorithm = "ECDSA", EcdsaCurve = "P256" });
        Certificate = new SelfSignedCert(this, "cert", new SelfSignedCertArgs
        {
            PrivateKeyPem = Key.PrivateKeyPem,
            IsCaCertificate = true,
            ValidityPeriodHours = CaValidityHours,
            EarlyRenewalHours = 24 * 90,
            AllowedUses = ["cert_signing", "crl_signing", "digital_signature", "key_encipherment"],
            Subject = new SelfSignedCertSubject { CommonName = commonName },
        });
        // The CA certificate stands for the authority; its key and the certificates it signs are its parts.
        DeclareAnchor(Certificate);
    }

    /// <summary>A leaf certificate for <paramref name="commonName"/> with these DNS names (roles, not addresses).</summary>
    /// <param name="owner">Where the certificate's resources live (default: under the authority); a region's certificate from a
    /// tier-wide authority lives under the region, so it comes and goes with it.</param>
    public IssuedCertificate Issue(string id, string commonName, IReadOnlyList<Input<string>> dnsNames, bool server, bool client,
        string? organization = null, IReadOnlyList<Input<string>>? ipAddresses = null, Scope? owner = null)
    {
        var scope = owner ?? this;
        var key = new PrivateKey(scope, $"{id}-key", new PrivateKeyArgs { Algorithm = "ECDSA", EcdsaCurve = "P256" });
        var request = new CertRequest(scope, $"{id}-csr", new CertRequestArgs
        {
            PrivateKeyPem = key.PrivateKeyPem,
            DnsNames = dnsNames,
            IpAddresses = ipAddresses,
            Subject = new CertRequestSubject { CommonName = commonName, Organization = organization is null ? null : (Input<string>)organization },
        });
        List<Input<string>> uses = ["digital_signature", "key_encipherment"];
        if (server) uses.Add("server_auth");
        if (client) uses.Add("client_auth");
        var cert = new LocallySignedCert(scope, $"{id}-cert", new LocallySignedCertArgs
        {
            CertRequestPem = request.CertRequestPem,
            CaPrivateKeyPem = Key.PrivateKeyPem,
            CaCertPem = Certificate.CertPem,
            ValidityPeriodHours = LeafValidityHours,
            EarlyRenewalHours = 24 * 30,
            AllowedUses = uses,
        });
        return new IssuedCertificate(key, cert.CertPem);
    }
}
