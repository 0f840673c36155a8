using Infra.Synthesis;

namespace Infra.Providers;

/// <summary>
/// The provider plugins the suite uses and the versions it pins them to: the one place these are
/// written (carried over from ../shared/schemas/versions.json; a test keeps the two equal).
/// </summary>
public static class PinnedProviders
{
    public const string Aws = "7.48.0";
    public const string Kubernetes = "4.34.2";
    public const string Cloudflare = "6.22.1";
    public const string Nomad = "2.6.1";
    public const string Consul = "3.15.1";
    public const string Docker = "5.2.0";
    public const string Command = "1.2.1";
    public const string Tls = "5.6.1";
    public const string Random = "4.21.2";

    /// <summary>Package name → pinned version, in a fixed order.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("aws", Aws),
        new("kubernetes", Kubernetes),
        new("cloudflare", Cloudflare),
        new("nomad", Nomad),
        new("consul", Consul),
        new("docker", Docker),
        new("command", Command),
        new("tls", Tls),
        new("random", Random),
    ];

    public static string VersionOf(string package) =>
        All.FirstOrDefault(p => p.Key == package).Value
        ?? throw new SynthesisException($"The provider '{package}' is not pinned; add it to {nameof(PinnedProviders)}.");
}
