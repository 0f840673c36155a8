namespace Infra.Software.K3s;

/// <summary>
/// The certificate authorities k3s uses when their files are in its tls directory at first start (it creates only
/// the ones that are missing). The program makes all of them with the tls provider, so the admin kubeconfig can be
/// built before the cluster exists and nothing is read back from it.
/// </summary>
public static class K3sCertificates
{
    public sealed record Authority(string Name, string CertFile, string KeyFile)
    {
        /// <summary>The Nomad variable items of this CA (identifier-safe names).</summary>
        public string CertItem => CertFile.Replace('/', '_').Replace('.', '_').Replace('-', '_');
        public string KeyItem => KeyFile.Replace('/', '_').Replace('.', '_').Replace('-', '_');
    }

    public static readonly IReadOnlyList<Authority> All =
    [
        new("server-ca", "server-ca.crt", "server-ca.key"),
        new("client-ca", "client-ca.crt", "client-ca.key"),
        new("request-header-ca", "request-header-ca.crt", "request-header-ca.key"),
        new("etcd-server-ca", "etcd/server-ca.crt", "etcd/server-ca.key"),
        new("etcd-peer-ca", "etcd/peer-ca.crt", "etcd/peer-ca.key"),
    ];

    public static Authority ServerCa => All[0];
    public static Authority ClientCa => All[1];

    /// <summary>The key that signs service-account tokens; the API servers must share it.</summary>
    public const string ServiceAccountKeyFile = "service.key";
    public const string ServiceAccountKeyItem = "service_key";

    /// <summary>Where k3s looks for them, inside its data directory.</summary>
    public const string TlsDirectory = "/var/lib/rancher/k3s/server/tls";

    /// <summary>The admin client certificate's organization: Kubernetes' built-in cluster-admin group.</summary>
    public const string AdminOrganization = "system:masters";
}
