using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Cost;

/// <summary>One region's prices (USD): per hour, per GB-month or per GB, as the price pages state them.</summary>
public sealed record RegionPrices(
    IReadOnlyDictionary<string, decimal> Ec2PerHour,
    IReadOnlyDictionary<string, decimal> EbsPerGbMonth,
    decimal EbsSnapshotPerGbMonth,
    decimal NatGatewayPerHour,
    decimal NatGatewayPerGb,
    decimal AlbPerHour,
    decimal AlbPerLcuHour,
    decimal NlbPerHour,
    decimal NlbPerLcuHour,
    decimal PublicIpv4PerHour,
    decimal DataTransferOutPerGb,
    decimal S3PerGbMonth,
    decimal LogsIngestionPerGb,
    decimal SsmAdvancedParameterPerMonth = 0,
    string? AsOf = null);

/// <summary>What the program cannot say (traffic, data growth): stated with every estimate.</summary>
public sealed record CostAssumptions(
    decimal LcuPerLoadBalancer,
    decimal NatGbPerMonth,
    decimal DataTransferOutGbPerMonth,
    decimal SnapshotFirstFraction,
    decimal SnapshotDailyChangeFraction,
    decimal LogsGbPerMonth,
    decimal RootVolumeGb);

/// <summary>The dated price table kept as data in the repository (<c>operations/Cost/prices.yaml</c>).</summary>
public sealed class PriceTable
{
    private const string EmbeddedName = "Infra.Operations.Cost.prices.yaml";

    public required string AsOf { get; init; }
    public required string Currency { get; init; }
    public required decimal HoursPerMonth { get; init; }
    public required IReadOnlyDictionary<string, RegionPrices> Regions { get; init; }
    public required decimal CloudflareLoadBalancerPerMonth { get; init; }
    public required decimal CloudflareExtraOriginPerMonth { get; init; }
    public decimal CloudflareTrafficSteeringPerMonth { get; init; }
    public decimal CloudflareFastHealthChecksPerMonth { get; init; }
    public required CostAssumptions Assumptions { get; init; }

    private static readonly Lazy<PriceTable> ShippedTable = new(() =>
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"{EmbeddedName} is not embedded in Infra.Operations.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The table that ships with the suite.</summary>
    public static PriceTable Shipped => ShippedTable.Value;

    /// <exception cref="InvalidDataException">A section or price is missing or not a number.</exception>
    public static PriceTable Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var regions = new Dictionary<string, RegionPrices>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(root, "regions").Children)
        {
            var region = (YamlMappingNode)value;
            regions[Text(key)] = new RegionPrices(
                Prices(Map(region, "ec2PerHour")), Prices(Map(region, "ebsPerGbMonth")),
                Number(region, "ebsSnapshotPerGbMonth"), Number(region, "natGatewayPerHour"), Number(region, "natGatewayPerGb"),
                Number(region, "albPerHour"), Number(region, "albPerLcuHour"), Number(region, "nlbPerHour"), Number(region, "nlbPerLcuHour"),
                Number(region, "publicIpv4PerHour"), Number(region, "dataTransferOutPerGb"), Number(region, "s3PerGbMonth"),
                Number(region, "logsIngestionPerGb"),
                Optional(region, "ssmAdvancedParameterPerMonth"),
                region.Children.TryGetValue(new YamlScalarNode("asOf"), out var asOf) ? Text(asOf) : null);
        }
        var cloudflare = Map(root, "cloudflare");
        var assumptions = Map(root, "assumptions");
        return new PriceTable
        {
            AsOf = Text(root.Children[new YamlScalarNode("asOf")]),
            Currency = Text(root.Children[new YamlScalarNode("currency")]),
            HoursPerMonth = Number(root, "hoursPerMonth"),
            Regions = regions,
            CloudflareLoadBalancerPerMonth = Number(cloudflare, "loadBalancerPerMonth"),
            CloudflareExtraOriginPerMonth = Number(cloudflare, "extraOriginPerMonth"),
            CloudflareTrafficSteeringPerMonth = Optional(cloudflare, "trafficSteeringPerMonth"),
            CloudflareFastHealthChecksPerMonth = Optional(cloudflare, "fastHealthChecksPerMonth"),
            Assumptions = new CostAssumptions(
                Number(assumptions, "lcuPerLoadBalancer"), Number(assumptions, "natGbPerMonth"),
                Number(assumptions, "dataTransferOutGbPerMonth"), Number(assumptions, "snapshotFirstFraction"),
                Number(assumptions, "snapshotDailyChangeFraction"), Number(assumptions, "logsGbPerMonth"),
                Number(assumptions, "rootVolumeGb")),
        };
    }

    private static Dictionary<string, decimal> Prices(YamlMappingNode map) =>
        map.Children.ToDictionary(p => Text(p.Key), p => Parse(Text(p.Value), Text(p.Key)), StringComparer.Ordinal);

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode map
            ? map
            : throw new InvalidDataException($"price table: '{key}' must be a mapping.");

    private static decimal Number(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? Parse(Text(value), key)
            : throw new InvalidDataException($"price table: '{key}' is missing.");

    /// <summary>An add-on's price; a table without it (the tests' fixed one) prices it at zero.</summary>
    private static decimal Optional(YamlMappingNode node, string key) =>
        node.Children.ContainsKey(new YamlScalarNode(key)) ? Number(node, key) : 0;

    private static decimal Parse(string text, string key) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new InvalidDataException($"price table: '{key}' must be a non-negative number, not '{text}'.");

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : "";
}
