namespace Infra.Software.Consul;

/// <summary>
/// The Consul release the agents run, and the consul-k8s chart that matches it. Consul serves xDS only to Envoy
/// versions in its compatibility matrix (Consul 1.20: Envoy 1.29 to 1.32), so Envoy is pinned from there.
/// </summary>
public static class ConsulVersion
{
    public const string Version = "1.20.2";
    public const string AptVersion = Version + "-1";

    /// <summary>consul-k8s 1.6.x is the Helm chart of Consul 1.20.x.</summary>
    public const string ChartVersion = "1.6.2";
    public const string ChartRepository = "https://helm.releases.hashicorp.com";

    /// <summary>The Envoy minor versions Consul 1.20 serves xDS to.</summary>
    public static readonly IReadOnlyList<string> EnvoyMinors = ["1.29", "1.30", "1.31", "1.32"];
}
