namespace Infra.Platform.Network;

/// <summary>
/// Traffic that can flow: <see cref="Source"/> opens a connection to <see cref="Destination"/> with this
/// protocol and destination port range ("all" covers every protocol and port; ICMP ranges are types).
/// </summary>
public sealed record ReachablePath(string Source, string Destination, string Protocol, int FromPort, int ToPort)
{
    public override string ToString() =>
        Protocol == "all" ? $"{Source} -> {Destination} all"
        : FromPort == ToPort ? $"{Source} -> {Destination} {Protocol}/{FromPort}"
        : $"{Source} -> {Destination} {Protocol}/{FromPort}-{ToPort}";
}
