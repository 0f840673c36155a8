namespace Infra.Software.Envoy;

/// <summary>
/// The Envoy the ingress gateway and the Connect sidecars run. Consul serves xDS only to the Envoy versions in
/// its compatibility matrix, so this is a version Consul (<see cref="Infra.Software.Consul.ConsulVersion"/>) lists; a test holds them together.
/// </summary>
public static class EnvoyVersion
{
    public const string Version = "1.32.3";
    public const string Image = "docker.io/envoyproxy/envoy:v" + Version;

    public static string Minor => string.Join('.', Version.Split('.').Take(2));
}
