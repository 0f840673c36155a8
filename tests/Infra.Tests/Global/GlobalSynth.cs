namespace Infra.Tests.Global;

/// <summary>A valid global stack file (dev, example values) and single-key variations of it.</summary>
public static class GlobalSynth
{
    public const string ExampleConfig =
        "config:\n" +
        "  infra:domain: global.example.com\n" +
        "  infra:cloudflareZoneId: \"0123456789abcdef0123456789abcdef\"\n" +
        "  infra:cloudflareAccountId: \"fedcba9876543210fedcba9876543210\"\n" +
        "  infra:operatorCidrs: [198.51.100.0/24]\n" +
        "  infra:ssmAgentPackageUrl: https://s3.eu-west-2.amazonaws.com/amazon-ssm-eu-west-2/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb\n" +
        "  infra:ssmAgentPackageSha256: \"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"\n" +
        "  infra:otlpEndpoint: otel.example.com:4317\n";

    /// <summary>The example with <c>infra:KEY</c> set to <paramref name="value"/> (YAML, may span lines).</summary>
    public static string With(string key, string value) =>
        string.Concat(ExampleConfig.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith($"  infra:{key}:", StringComparison.Ordinal)).Select(l => l + "\n")) + $"  infra:{key}: {value}\n";

    /// <summary>The example with these regions, each given as its flow mapping.</summary>
    public static string Regions(params string[] regions) =>
        ExampleConfig + "  infra:regions:\n" + string.Concat(regions.Select(r => $"    - {r}\n"));
}
