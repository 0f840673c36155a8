using System.Text.Json;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.OnPrem;

/// <summary>Synthesizes the onprem3 tier the way Pulumi runs the compiler: stack name plus PULUMI_CONFIG.</summary>
internal static class OnPrem3Stack
{
    public static ProjectDirectory Project => Synth.Repo;

    /// <summary>A complete, valid configuration; tests change one key at a time.</summary>
    public static Dictionary<string, string> ValidConfig() => new()
    {
        ["infra:environment"] = "dev",
        ["infra:owner"] = "platform-team",
        ["infra:hosts"] = """["192.0.2.11","192.0.2.12","192.0.2.13"]""",
        ["infra:sshUser"] = "deploy",
        ["infra:dnsZone"] = "platform.example.internal",
        ["infra:backupRepoType"] = "path",
        ["infra:backupRepoPath"] = "/srv/pgbackrest",
    };

    public static string Synthesize(IReadOnlyDictionary<string, string> config, string stack = "onprem3") =>
        StackSynthesizer.Synthesize(Project, stack, JsonSerializer.Serialize(config)).ToYaml();

    public static Dictionary<string, string> With(params (string Key, string? Value)[] changes)
    {
        var config = ValidConfig();
        foreach (var (key, value) in changes)
        {
            if (value is null) config.Remove(key);
            else config[key] = value;
        }
        return config;
    }
}
