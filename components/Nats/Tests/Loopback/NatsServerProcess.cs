using System.Diagnostics;
using Infra.Testing;

namespace Infra.Nats.Tests.Loopback;

/// <summary>nats-server as a loopback daemon, and the two signals its lame-duck cycle uses.</summary>
internal static class NatsServerProcess
{
    private const int SigUsr2 = 12; // Linux: nats-server's lame-duck signal.
    private const int SigInt = 2;

    public static LoopbackDaemon Start(string name, string configFile, string logPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(NatsServerBinary.Path);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configFile);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return LoopbackDaemon.Start(name, start, logPath);
    }

    /// <summary>SIGUSR2: lame-duck mode; the server moves its clients off and exits on its own.</summary>
    public static void EnterLameDuck(this LoopbackDaemon server) => server.Signal(SigUsr2);

    /// <summary>SIGINT: a clean shutdown, what lame-duck mode ends with. (nats-server ignores SIGTERM while in lame duck.)</summary>
    public static void Stop(this LoopbackDaemon server) => server.Signal(SigInt);
}
