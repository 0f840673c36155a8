namespace Infra.Nats;

/// <summary>
/// The nats-server the global tier runs, pinned to an exact image tag. The 2.9 series: the configuration format the
/// tests check with Debian's nats-server 2.9 (<c>nats-server -t</c>) and the drills start.
/// </summary>
public static class NatsVersion
{
    public const string Version = "2.9.25";

    /// <summary>The official image's scratch variant: its entrypoint is <c>/nats-server</c>, the job gives the arguments.</summary>
    public const string Image = "docker.io/library/nats:" + Version;
}
