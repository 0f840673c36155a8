using System.Globalization;
using System.Text;

namespace Infra.Benchmarks;

/// <summary>
/// The global tier at 3, 10 and 30 regions of 10 or 50 nodes each, from real stack files (the regions list is
/// config): a temporary project with the repository's Pulumi.yaml and one stack file per size, so the compiler
/// call is exactly the one Pulumi makes.
/// </summary>
public static class GlobalRegions
{
    public static string Stack(int regions, int nodes) => $"global-{regions}x{nodes}";

    /// <summary>Servers, k3s and worker nodes summing to <paramref name="nodes"/>: 3+3+4 for 10, 5+9+36 for 50.</summary>
    public static (int Servers, int K3s, int Workers) Split(int nodes) => nodes >= 50 ? (5, 9, nodes - 14) : (3, 3, nodes - 6);

    public static string StackFile(int regions, int nodes)
    {
        var (servers, k3s, workers) = Split(nodes);
        var aws = new[]
        {
            "eu-west-2", "eu-central-1", "us-east-2", "us-east-1", "us-west-2", "eu-west-1", "eu-west-3", "eu-north-1", "ap-northeast-1", "ap-southeast-1",
            "ap-southeast-2", "ap-south-1", "sa-east-1", "ca-central-1", "ap-northeast-2",
        };
        var text = new StringBuilder("""
            config:
              infra:tier: global
              infra:domain: bench.example.com
              infra:cloudflareZoneId: "0123456789abcdef0123456789abcdef"
              infra:cloudflareAccountId: "fedcba9876543210fedcba9876543210"
              infra:operatorCidrs: [198.51.100.0/24]
              infra:ssmAgentPackageUrl: https://s3.eu-west-2.amazonaws.com/amazon-ssm-eu-west-2/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb
              infra:ssmAgentPackageSha256: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
              infra:otlpEndpoint: otel.example.com:4317
              infra:regions:

            """);
        for (var i = 0; i < regions; i++)
            text.Append(CultureInfo.InvariantCulture,
                $"    - {{name: region{i:00}, awsRegion: {aws[i % aws.Length]}, cidr: 10.{i}.0.0/16, servers: {servers}, k3sNodes: {k3s}, workerNodes: {workers}}}\n");
        return text.ToString();
    }

    /// <summary>A project folder holding Pulumi.yaml and a stack file for every size measured.</summary>
    public static string Project(string root, IEnumerable<(int Regions, int Nodes)> sizes)
    {
        var dir = Directory.CreateTempSubdirectory("infra-bench-global-").FullName;
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        foreach (var (regions, nodes) in sizes)
            File.WriteAllText(Path.Combine(dir, $"Pulumi.{Stack(regions, nodes)}.yaml"), StackFile(regions, nodes));
        return dir;
    }
}
