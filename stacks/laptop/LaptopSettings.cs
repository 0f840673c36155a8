using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Stacks.Laptop;

/// <summary>The laptop tier's settings, validated. Defaults give a working tier with no config at all.</summary>
public sealed record LaptopSettings(
    string AppImage,
    IReadOnlyList<string>? AppEntrypoint,
    IReadOnlyList<string> AppHealthCheck,
    int HttpPort,
    int BusPort,
    int DbPort,
    string DbImage,
    bool Telemetry,
    int TraceUiPort,
    string CollectorImage,
    string TraceUiImage,
    int AppMemoryMb,
    int DbMemoryMb)
{
    public static LaptopSettings Read(ConfigReader config)
    {
        var appImage = config.Get(LaptopKeys.AppImage);
        IReadOnlyList<string>? entrypoint = appImage == StandInBinary.Image ? StandInBinary.Entrypoint : null;
        if (config.IsSet(LaptopKeys.AppEntrypoint))
        {
            var given = config.Get(LaptopKeys.AppEntrypoint) ?? [];
            entrypoint = given.Count == 0 ? null : given;
        }
        if (entrypoint is not null && config.IsSet(LaptopKeys.AppEntrypoint) && entrypoint.Any(string.IsNullOrWhiteSpace))
            config.Report(LaptopKeys.AppEntrypoint, null, "has an empty item; an entrypoint is a command and its arguments.",
                "a list of non-empty strings; [] for the image's own");
        var health = config.Get(LaptopKeys.AppHealthCheck) ?? StandInBinary.HealthCheck;
        if (health.Count > 0 && health[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
            config.Report(LaptopKeys.AppHealthCheck, string.Join(" ", health), "must start with CMD, CMD-SHELL or NONE.");
        else if (health.Count > 0 && health[0] == "CMD" && (health.Count == 1 || health.Skip(1).Any(string.IsNullOrWhiteSpace)))
            config.Report(LaptopKeys.AppHealthCheck, string.Join(" ", health), "has no command after CMD (or an empty argument).",
                "[\"CMD\", PROGRAM, ARGS...] such as [\"CMD\", \"/platform\", \"healthcheck\"]");
        else if (health.Count > 0 && health[0] == "CMD-SHELL" && (health.Count != 2 || string.IsNullOrWhiteSpace(health[1])))
            config.Report(LaptopKeys.AppHealthCheck, string.Join(" ", health), "must be CMD-SHELL and one shell command.",
                "[\"CMD-SHELL\", \"wget -q -O /dev/null http://127.0.0.1:8080/healthz\"]");

        var settings = new LaptopSettings(
            appImage,
            entrypoint,
            health,
            config.Get(LaptopKeys.HttpPort),
            config.Get(LaptopKeys.BusPort),
            config.Get(LaptopKeys.DbPort),
            config.Get(LaptopKeys.DbImage),
            config.Get(LaptopKeys.Telemetry),
            config.Get(LaptopKeys.TraceUiPort),
            config.Get(LaptopKeys.CollectorImage),
            config.Get(LaptopKeys.TraceUiImage),
            config.Get(LaptopKeys.AppMemory),
            config.Get(LaptopKeys.DbMemory));
        settings.CheckPortClashes(config);
        return settings;
    }

    /// <summary>Two published ports on one host cannot be the same.</summary>
    private void CheckPortClashes(ConfigReader config)
    {
        var published = new List<(ConfigKey Key, int Port)> { (LaptopKeys.HttpPort, HttpPort), (LaptopKeys.BusPort, BusPort), (LaptopKeys.DbPort, DbPort) };
        if (Telemetry) published.Add((LaptopKeys.TraceUiPort, TraceUiPort));
        foreach (var clash in published.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            var keys = clash.Select(c => c.Key.FullName).ToList();
            config.Report(clash.Last().Key, clash.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"clashes with {string.Join(" and ", keys.SkipLast(1))}: both publish local port {clash.Key}.",
                "a port not used by another key");
        }
    }
}
