namespace Infra.Platform;

/// <summary>
/// What runs in place of the platform binary until a stack names its real image: every container
/// tier works out of the box, and the binary's contract (explicit Services, ports) stays visible.
/// </summary>
public static class StandInBinary
{
    /// <summary>A pinned busybox runs a stand-in for the platform binary until you point appImage at yours.</summary>
    public const string Image = "docker.io/library/busybox:1.36.1";

    /// <summary>
    /// The stand-in: serves /healthz and /services on the HTTP port with busybox httpd, and prints
    /// the flags it was given, so the explicit Services contract is visible in `docker logs`.
    /// </summary>
    public static readonly IReadOnlyList<string> Entrypoint =
    [
        "/bin/sh",
        "-c",
        """
        set -eu
        echo "stand-in for the platform binary, started with: $*"
        mkdir -p /www
        echo ok > /www/healthz
        echo "$PLATFORM_SERVICES" > /www/services
        exec httpd -f -v -p "${PLATFORM_HTTP_ADDR#:}" -h /www
        """,
        "platform",
    ];

    public static readonly IReadOnlyList<string> HealthCheck =
        ["CMD", "wget", "-q", "-O", "/dev/null", $"http://127.0.0.1:{PlatformBinary.HttpPort}{PlatformBinary.HealthPath}"];
}
