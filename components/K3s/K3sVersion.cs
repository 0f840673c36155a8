namespace Infra.Software.K3s;

/// <summary>The k3s release every region runs (k3s in Docker, as k3d does), pinned to an exact image tag.</summary>
public static class K3sVersion
{
    public const string Version = "v1.32.3+k3s1";

    /// <summary>Docker tags cannot hold '+': the k3s images use '-' instead.</summary>
    public const string Image = "docker.io/rancher/k3s:v1.32.3-k3s1";
}
