using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Platform.Provisioning;
using Infra.Synthesis;

namespace Infra.Policies.Inspection;

/// <summary>
/// One place the platform binary is started: a container, or an instance/launch template whose
/// user-data starts it. <see cref="Flags"/> is its command line, <see cref="Environment"/> its
/// <c>NAME=value</c> settings, both as written in the program (references as <c>${...}</c>).
/// <see cref="PeerTable"/> holds the rows of a fleet's peer table when the user-data carries one: then
/// each server takes its Services from its row at boot, and the command line names the variable.
/// </summary>
public sealed record PlatformBinaryLaunch(Resource Resource, string Flags, IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<PeerTableRow>? PeerTable = null)
{
    public string? Variable(string name) => Environment.FirstOrDefault(e => e.Key == name).Value;
}

/// <summary>
/// Finds where the program starts the platform binary: wherever its Services flag or one of its
/// variables appears (names from the binary's one interface, <see cref="PlatformBinary"/>; the two
/// patterns below spell the same names because generated regexes need constants).
/// </summary>
public static partial class PlatformBinaries
{
    [GeneratedRegex(@"--services(?:=|\s+)(?<value>""[^""]*""|'[^']*'|[^\s""']*)")]
    private static partial Regex ServicesFlag();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<name>(?:PLATFORM|OTEL)_[A-Z0-9_]+)=(?<value>""[^""]*""|'[^']*'|[^\s""']*)")]
    private static partial Regex Assignment();

    /// <summary>Kubernetes workloads whose pod template may start the binary (the global tier).</summary>
    private static readonly string[] KubernetesWorkloads = ["kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:DaemonSet"];

    public static IEnumerable<PlatformBinaryLaunch> All(Blueprint blueprint)
    {
        foreach (var resource in blueprint.Resources)
        {
            if (resource.Type == Tokens.DockerContainer)
            {
                var flags = string.Join(" ", Props.List(resource, "entrypoints").Concat(Props.List(resource, "command")).Select(Props.Text));
                var env = Props.List(resource, "envs").Select(Props.Text)
                    .Select(e => e.Split('=', 2))
                    .Where(p => p.Length == 2)
                    .Select(p => KeyValuePair.Create(p[0], p[1]))
                    .ToList();
                if (Starts(flags, env)) yield return new PlatformBinaryLaunch(resource, flags, env);
            }
            else if (KubernetesWorkloads.Contains(resource.Type))
            {
                // Each container of the pod template is a launch of its own (a sidecar is not the binary).
                foreach (var container in Props.List(resource, "spec.template.spec.containers"))
                {
                    var flags = string.Join(" ", Props.List(Props.Get(container, "command")).Concat(Props.List(Props.Get(container, "args"))).Select(Props.Text));
                    var env = Props.List(Props.Get(container, "env"))
                        .Select(e => KeyValuePair.Create(Props.String(Props.Get(e, "name")) ?? "", Props.Text(Props.Get(e, "value"))))
                        .ToList();
                    if (flags.Contains(PlatformBinary.Services.Flag!, StringComparison.Ordinal)) yield return new PlatformBinaryLaunch(resource, flags, env);
                }
            }
            else if (Tokens.IsServer(resource.Type) && UserData.Text(resource) is { } script)
            {
                var env = Assignment().Matches(script)
                    .Select(m => KeyValuePair.Create(m.Groups["name"].Value, Unquote(m.Groups["value"].Value)))
                    .ToList();
                if (Starts(script, env)) yield return new PlatformBinaryLaunch(resource, script, env, PeerTables.Find(script));
            }
        }
    }

    /// <summary>Every value of <c>--services</c> on the command line (a binary may be started more than once).</summary>
    public static IReadOnlyList<string> ServicesFlags(PlatformBinaryLaunch launch) =>
        ServicesFlag().Matches(launch.Flags).Select(m => Unquote(m.Groups["value"].Value)).ToList();

    public static IReadOnlyList<string> Split(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Starts(string flags, IReadOnlyList<KeyValuePair<string, string>> env) =>
        flags.Contains(PlatformBinary.Services.Flag!, StringComparison.Ordinal) ||
        env.Any(e => e.Key.StartsWith("PLATFORM_", StringComparison.Ordinal));

    // The patterns above only capture a quoted value whole ("..." or '...'), so its first and last characters match.
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') ? value[1..^1] : value;
}
