using Infra.Software.K3s;
using Infra.Synthesis;
using static Infra.Providers.Generated.Tls;

namespace Infra.Stacks.Global;

/// <summary>
/// A region's Kubernetes certificate authorities, made by the tls provider before k3s first starts (k3s uses CA
/// files already in its tls directory), the service-account signing key, and the admin client certificate
/// (group system:masters) for the region's kubeconfig: the program never reads anything back from the cluster.
/// </summary>
public sealed class K3sPki : Component
{
    public IReadOnlyDictionary<string, CertificateAuthority> Authorities { get; }
    public PrivateKey ServiceAccountKey { get; }
    public IssuedCertificate Admin { get; }

    public K3sPki(Scope scope, string id, string region) : base(scope, id)
    {
        // The authorities are peers (each anchors its own certificates).
        DeclareNoAnchor();
        Authorities = K3sCertificates.All.ToDictionary(a => a.Name, a => new CertificateAuthority(this, a.Name, $"k3s-{a.Name}@{region}"));
        ServiceAccountKey = new PrivateKey(this, "service-account-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 });
        Admin = Authorities[K3sCertificates.ClientCa.Name].Issue("admin", "platform-admin", [], server: false, client: true,
            organization: K3sCertificates.AdminOrganization);
    }
}
