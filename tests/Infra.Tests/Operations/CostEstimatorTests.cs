using System.CommandLine;
using Infra.Cli.Commands;
using Infra.Operations;
using Infra.Operations.Cost;
using Infra.Platform.Schedule;
using Infra.Tests.Dc9;
using Infra.Tests.Support;
using System.Text.RegularExpressions;

namespace Infra.Tests.Operations;

/// <summary>The monthly estimate over a fixed price table: the tests do not move when prices do.</summary>
public class CostEstimatorTests
{
    private static readonly PriceTable Fixed = PriceTable.Parse("""
        asOf: 2000-01-01
        currency: USD
        hoursPerMonth: 700
        regions:
          test-1:
            ec2PerHour: {big.1: 1.0, small.1: 0.1}
            ebsPerGbMonth: {gp3: 0.1, gp2: 0.2}
            ebsSnapshotPerGbMonth: 0.05
            natGatewayPerHour: 0.05
            natGatewayPerGb: 0.04
            albPerHour: 0.02
            albPerLcuHour: 0.01
            nlbPerHour: 0.03
            nlbPerLcuHour: 0.005
            publicIpv4PerHour: 0.005
            dataTransferOutPerGb: 0.09
            s3PerGbMonth: 0.02
            logsIngestionPerGb: 0.5
        cloudflare: {loadBalancerPerMonth: 5, extraOriginPerMonth: 5}
        assumptions:
          lcuPerLoadBalancer: 2
          natGbPerMonth: 100
          dataTransferOutGbPerMonth: 10
          snapshotFirstFraction: 0.5
          snapshotDailyChangeFraction: 0.1
          logsGbPerMonth: 4
          rootVolumeGb: 8
        """);

    private static readonly ScheduleHours AlwaysOn = ScheduleHours.AlwaysOn("test");

    private const string Program = """
        resources:
          aws:
            type: pulumi:providers:aws
            properties: {region: test-1}
          template:
            type: aws:ec2/launchTemplate:LaunchTemplate
            properties:
              instanceType: big.1
              blockDeviceMappings:
              - deviceName: /dev/xvda
                ebs: {volumeSize: 20, volumeType: gp3}
          server-1:
            type: aws:ec2/instance:Instance
            properties:
              launchTemplate: {id: "${template.id}", version: "$$Default"}
          server-1-data:
            type: aws:ebs/volume:Volume
            properties: {size: 100, type: gp3, tags: {raft: "yes", Name: d}}
          scratch:
            type: aws:ebs/volume:Volume
            properties: {size: 10}
          snapshots:
            type: aws:dlm/lifecyclePolicy:LifecyclePolicy
            properties:
              policyDetails:
                targetTags: {raft: "yes"}
                schedules:
                - retainRule: {count: 3}
          bastion:
            type: aws:ec2/instance:Instance
            properties:
              instanceType: small.1
              associatePublicIpAddress: true
              rootBlockDevice: {volumeSize: 8, volumeType: gp3}
          bastion-eip:
            type: aws:ec2/eip:Eip
            properties: {instance: "${bastion.id}"}
          nat-eip: {type: "aws:ec2/eip:Eip"}
          nat: {type: "aws:ec2/natGateway:NatGateway"}
          lb:
            type: aws:lb/loadBalancer:LoadBalancer
            properties:
              subnets: ["${a.id}", "${b.id}", "${c.id}"]
              accessLogs: {bucket: logs, enabled: true}
          role: {type: "aws:iam/role:Role"}
          mystery: {type: "aws:rds/instance:Instance"}
        """;

    private static decimal Line(CostEstimate estimate, string category, string detail) =>
        Assert.Single(estimate.Lines, line => line.Category == category && line.Detail == detail).AlwaysOn;

    [Fact]
    public void Each_resource_is_priced_from_the_table_with_its_quantities()
    {
        var estimate = CostEstimator.Estimate(Program, Fixed, AlwaysOn);
        Assert.Equal("test-1", estimate.Region);
        Assert.Equal(700m * 1.0m, Line(estimate, "EC2 instances", "big.1"));          // the type comes from the launch template
        Assert.Equal(700m * 0.1m, Line(estimate, "EC2 instances", "small.1"));
        Assert.Equal((20 + 8 + 100) * 0.1m, Line(estimate, "EBS volumes", "gp3 (root)") + Line(estimate, "EBS volumes", "gp3 (data)"));
        Assert.Equal(10 * 0.2m, Line(estimate, "EBS volumes", "gp2 (data)"));          // no type: the API's default gp2
        Assert.Equal(100 * (0.5m + 0.1m * 2) * 0.05m, Line(estimate, "EBS snapshots", "3 kept"));  // only the tagged volume
        Assert.Equal(700 * 0.05m + 100 * 0.04m, Line(estimate, "NAT gateways", "hours") + Line(estimate, "NAT gateways", "data processed"));
        Assert.Equal(700 * 0.02m + 700 * 2 * 0.01m, Line(estimate, "Load balancers", "ALB hours") + Line(estimate, "Load balancers", "ALB capacity units"));
        // Two Elastic IPs (the bastion's replaces its own public address) and one address per ALB subnet.
        Assert.Equal(2 * 700 * 0.005m, Line(estimate, "Public IPv4", "Elastic IP"));
        Assert.Equal(3 * 700 * 0.005m, Line(estimate, "Public IPv4", "ALB (one per zone)"));
        Assert.DoesNotContain(estimate.Lines, line => line.Detail == "instance");
        Assert.Equal(10 * 0.09m, Line(estimate, "Data transfer out", "ALB responses"));
        Assert.Equal(4 * 0.02m, Line(estimate, "Logs", "ALB access logs in S3"));
        Assert.Equal(["aws:rds/instance:Instance"], estimate.NotPriced);  // IAM is free, RDS has no price here
        Assert.Equal(estimate.Lines.Sum(line => line.AlwaysOn), estimate.AlwaysOn);
        Assert.Contains(estimate.Assumptions, text => text.Contains("100 GB a month each"));
    }

    [Fact]
    public void The_weekday_schedule_charges_torn_down_items_only_while_up_and_snapshots_all_month()
    {
        var schedule = ScheduleHours.Of(ScheduleSettings.Parse("{timeZone: Europe/Berlin, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\"}"), production: false);
        Assert.Equal(4 * 24 + 13, schedule.HoursPerWeek);
        var estimate = CostEstimator.Estimate(Program, Fixed, schedule);
        var snapshots = Line(estimate, "EBS snapshots", "3 kept");
        var expected = (estimate.AlwaysOn - snapshots) * 109m / 168m + snapshots;
        Assert.Equal(decimal.Round(expected, 6), decimal.Round(estimate.Scheduled, 6));
        Assert.Equal(estimate.AlwaysOn - estimate.Scheduled, estimate.Saving);
        Assert.True(estimate.Saving > 0);

        var text = CostRenderer.Text("dev", estimate);
        Assert.Contains("up Mon 07:00 to Fri 20:00 (infra:schedule, Europe/Berlin): 109 h a week (65% of the week)", text);
        Assert.Contains($"Weekend teardown saves {CostRenderer.Money(estimate.Saving)} a month", text);
    }

    [Fact]
    public void Production_is_always_on()
    {
        var schedule = ScheduleHours.Of(ScheduleSettings.Parse("{timeZone: UTC, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\"}"), production: true);
        var estimate = CostEstimator.Estimate(Program, Fixed, schedule);
        Assert.Equal(estimate.AlwaysOn, estimate.Scheduled);
        Assert.Contains("Always on: production: never scheduled.", CostRenderer.Text("prod", estimate));
    }

    [Fact]
    public void A_region_without_prices_and_a_type_without_a_price_are_said_with_the_fix()
    {
        var error = Assert.Throws<CostException>(() => CostEstimator.Estimate(Program.Replace("region: test-1", "region: mars-1"), Fixed, AlwaysOn));
        Assert.Contains("no prices for region mars-1 (it has test-1); add that region's prices", error.Message);

        var estimate = CostEstimator.Estimate(Program.Replace("instanceType: small.1", "instanceType: huge.9"), Fixed, AlwaysOn);
        Assert.Contains("bastion: no price for huge.9 in test-1; add it to operations/Cost/prices.yaml.", estimate.Warnings);
    }

    [Fact]
    public void Cloudflare_load_balancing_counts_origins_beyond_the_two_included()
    {
        var estimate = CostEstimator.Estimate("""
            resources:
              lb: {type: "cloudflare:index/loadBalancer:LoadBalancer"}
              eu:
                type: cloudflare:index/loadBalancerPool:LoadBalancerPool
                properties: {origins: [{name: a}, {name: b}]}
              us:
                type: cloudflare:index/loadBalancerPool:LoadBalancerPool
                properties: {origins: [{name: c}, {name: d}]}
            """, Fixed, AlwaysOn);
        Assert.Equal(5m + 2 * 5m, estimate.AlwaysOn);
        Assert.Null(estimate.Region);
    }

    [Fact]
    public void Docker_tiers_cost_nothing_and_say_so()
    {
        var estimate = CostEstimator.Estimate(Infra.Tests.Support.Synth.Yaml("laptop"), PriceTable.Shipped, AlwaysOn);
        Assert.Empty(estimate.Lines);
        Assert.Empty(estimate.NotPriced);
        Assert.Contains("No cloud resources to price", CostRenderer.Text("laptop", estimate));
    }

    [Fact]
    public void Dc9_is_priced_completely_with_the_shipped_table()
    {
        var estimate = CostEstimator.Estimate(Dc9Synth.Yaml(), PriceTable.Shipped, AlwaysOn);
        Assert.Empty(estimate.NotPriced);
        Assert.Empty(estimate.Warnings);
        Assert.Equal(9 * 730, Assert.Single(estimate.Lines, line => line.Detail == "m6i.large").Quantity);
        Assert.Equal(730, Assert.Single(estimate.Lines, line => line.Detail == "t3.micro").Quantity);
        Assert.Equal(9 * 50, Assert.Single(estimate.Lines, line => line.Detail == "gp3 (data)").Quantity);
    }

    private static readonly PriceTable TwoRegions = PriceTable.Parse("""
        asOf: 2000-01-01
        currency: USD
        hoursPerMonth: 700
        regions:
          test-1:
            ec2PerHour: {big.1: 1.0}
            ebsPerGbMonth: {gp3: 0.1}
            ebsSnapshotPerGbMonth: 0.05
            natGatewayPerHour: 0.05
            natGatewayPerGb: 0.04
            albPerHour: 0.02
            albPerLcuHour: 0.01
            nlbPerHour: 0.03
            nlbPerLcuHour: 0.005
            publicIpv4PerHour: 0.005
            dataTransferOutPerGb: 0.09
            s3PerGbMonth: 0.02
            logsIngestionPerGb: 0.5
            ssmAdvancedParameterPerMonth: 0.05
          test-2:
            asOf: 2000-02-02
            ec2PerHour: {big.1: 2.0}
            ebsPerGbMonth: {gp3: 0.3}
            ebsSnapshotPerGbMonth: 0.05
            natGatewayPerHour: 0.5
            natGatewayPerGb: 0.4
            albPerHour: 0.02
            albPerLcuHour: 0.01
            nlbPerHour: 0.3
            nlbPerLcuHour: 0.05
            publicIpv4PerHour: 0.005
            dataTransferOutPerGb: 0.09
            s3PerGbMonth: 0.02
            logsIngestionPerGb: 0.5
            ssmAdvancedParameterPerMonth: 0.07
        cloudflare: {loadBalancerPerMonth: 5, extraOriginPerMonth: 5, trafficSteeringPerMonth: 10, fastHealthChecksPerMonth: 7}
        assumptions:
          lcuPerLoadBalancer: 2
          natGbPerMonth: 100
          dataTransferOutGbPerMonth: 10
          snapshotFirstFraction: 0.5
          snapshotDailyChangeFraction: 0.1
          logsGbPerMonth: 4
          rootVolumeGb: 8
        """);

    /// <summary>Two regions, each with its own provider, an auto-scaling group and more; a geo-steered Cloudflare load balancer.</summary>
    private const string Regions = """
        resources:
          one-aws: {type: "pulumi:providers:aws", properties: {region: test-1}}
          two-aws: {type: "pulumi:providers:aws", properties: {region: test-2}}
          one-template:
            type: aws:ec2/launchTemplate:LaunchTemplate
            properties: {instanceType: big.1, blockDeviceMappings: [{deviceName: /dev/xvda, ebs: {volumeSize: 50, volumeType: gp3}}]}
            options: {provider: "${one-aws}"}
          one-group:
            type: aws:autoscaling/group:Group
            properties: {minSize: 3, maxSize: 5, desiredCapacity: 4, launchTemplate: {id: "${one-template.id}", version: "${one-template.latestVersion}"}}
            options: {provider: "${one-aws}"}
          two-template:
            type: aws:ec2/launchTemplate:LaunchTemplate
            properties: {instanceType: big.1, blockDeviceMappings: [{deviceName: /dev/xvda, ebs: {volumeSize: 50, volumeType: gp3}}]}
            options: {provider: "${two-aws}"}
          two-group:
            type: aws:autoscaling/group:Group
            properties: {minSize: 2, maxSize: 2, launchTemplate: {id: "${two-template.id}"}}
            options: {provider: "${two-aws}"}
          one-address-a: {type: "aws:ec2/eip:Eip", options: {provider: "${one-aws}"}}
          one-address-b: {type: "aws:ec2/eip:Eip", options: {provider: "${one-aws}"}}
          one-nlb:
            type: aws:lb/loadBalancer:LoadBalancer
            properties:
              loadBalancerType: network
              subnetMappings: [{subnetId: a, allocationId: "${one-address-a.allocationId}"}, {subnetId: b, allocationId: "${one-address-b.allocationId}"}]
            options: {provider: "${one-aws}"}
          two-nat: {type: "aws:ec2/natGateway:NatGateway", options: {provider: "${two-aws}"}}
          two-certificate:
            type: aws:ssm/parameter:Parameter
            properties: {type: String, tier: Advanced, value: pem}
            options: {provider: "${two-aws}"}
          two-setting:
            type: aws:ssm/parameter:Parameter
            properties: {type: String, value: small}
            options: {provider: "${two-aws}"}
          monitor: {type: "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", properties: {interval: 60}}
          fast-monitor: {type: "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", properties: {interval: 15}}
          pool-one:
            type: cloudflare:index/loadBalancerPool:LoadBalancerPool
            properties: {origins: [{name: a, address: "${one-address-a.publicIp}"}, {name: b, address: "${one-address-b.publicIp}"}]}
          pool-two:
            type: cloudflare:index/loadBalancerPool:LoadBalancerPool
            properties: {origins: [{name: c}, {name: d}]}
          geo:
            type: cloudflare:index/loadBalancer:LoadBalancer
            properties: {steeringPolicy: geo, defaultPools: ["${pool-one.id}", "${pool-two.id}"]}
          job: {type: "nomad:index/job:Job"}
          workload: {type: "kubernetes:apps/v1:StatefulSet"}
        """;

    private static CostLine In(CostEstimate estimate, string? region, string category, string detail) =>
        Assert.Single(estimate.Lines, line => line.Region == region && line.Category == category && line.Detail == detail);

    [Fact]
    public void Each_region_is_priced_at_its_own_prices_with_groups_at_their_desired_capacity()
    {
        var estimate = CostEstimator.Estimate(Regions, TwoRegions, AlwaysOn);
        Assert.Null(estimate.Region);
        Assert.Equal(["test-1", "test-2"], estimate.Regions);
        // An auto-scaling group runs its desired capacity, else its minimum, of its launch template's instances and root volumes.
        Assert.Equal(700m * 4 * 1.0m, In(estimate, "test-1", "EC2 instances", "big.1").AlwaysOn);
        Assert.Equal(700m * 2 * 2.0m, In(estimate, "test-2", "EC2 instances", "big.1").AlwaysOn);
        Assert.Equal(4 * 50 * 0.1m, In(estimate, "test-1", "EBS volumes", "gp3 (root)").AlwaysOn);
        Assert.Equal(2 * 50 * 0.3m, In(estimate, "test-2", "EBS volumes", "gp3 (root)").AlwaysOn);
        // An NLB whose subnet mappings hold Elastic IPs: its addresses are those EIPs, not counted twice.
        Assert.Equal(700 * 0.03m + 700 * 2 * 0.005m, In(estimate, "test-1", "Load balancers", "NLB hours").AlwaysOn + In(estimate, "test-1", "Load balancers", "NLB capacity units").AlwaysOn);
        Assert.Equal(2 * 700 * 0.005m, In(estimate, "test-1", "Public IPv4", "Elastic IP").AlwaysOn);
        Assert.DoesNotContain(estimate.Lines, line => line.Detail == "NLB (one per zone)");
        Assert.Equal(700 * 0.5m + 100 * 0.4m, In(estimate, "test-2", "NAT gateways", "hours").AlwaysOn + In(estimate, "test-2", "NAT gateways", "data processed").AlwaysOn);
        Assert.Equal(0.07m, In(estimate, "test-2", "SSM parameters", "advanced").AlwaysOn);  // the standard one is free
        // Cloudflare is not regional: the subscription, geo steering, origins beyond two, a monitor faster than 60 s.
        Assert.Equal(5m, In(estimate, null, "Cloudflare", "load balancer (2 origins included)").AlwaysOn);
        Assert.Equal(10m, In(estimate, null, "Cloudflare", "traffic steering (geo)").AlwaysOn);
        Assert.Equal(2 * 5m, In(estimate, null, "Cloudflare", "origins beyond the two included").AlwaysOn);
        Assert.Equal(7m, In(estimate, null, "Cloudflare", "health checks faster than 60 s").AlwaysOn);
        Assert.Equal(0m, In(estimate, null, "Cloudflare", "health monitors (60 s checks, included)").AlwaysOn);
        Assert.Empty(estimate.NotPriced);  // Nomad jobs and Kubernetes objects run on instances already priced
        Assert.Equal("2000-01-01 and 2000-02-02", estimate.PricesAsOf);
        Assert.Contains("auto-scaling groups: at their desired capacity all month (no scaling)", estimate.Assumptions);

        var text = CostRenderer.Text("global", estimate);
        Assert.Contains("Monthly cost estimate of global (2 regions: test-1, test-2, each at its own prices): prices of 2000-01-01 and 2000-02-02", text);
        Assert.Contains("test-2 · NAT gateways: hours", text);
        Assert.Matches(@"Subtotal, test-1 +\$" + Regex.Escape(CostRenderer.Money(estimate.Lines.Where(l => l.Region == "test-1").Sum(l => l.AlwaysOn))[1..]), text);
        Assert.Contains("Subtotal, not regional", text);
        var markdown = CostRenderer.Markdown("global", estimate);
        Assert.Contains("| test-1 · EC2 instances: big.1 | 2,800 instance-hours | $1.00 | $2,800.00 |", markdown);
        Assert.Contains($"| *test-2* | | | *{CostRenderer.Money(estimate.Lines.Where(l => l.Region == "test-2").Sum(l => l.AlwaysOn))}* |", markdown);
    }

    [Fact]
    public void Every_region_without_prices_is_named_at_once()
    {
        var error = Assert.Throws<CostException>(() => CostEstimator.Estimate(Regions.Replace("region: test-1", "region: mars-1").Replace("region: test-2", "region: venus-2"), TwoRegions, AlwaysOn));
        Assert.Contains("no prices for regions mars-1, venus-2 (it has test-1, test-2); add those regions' prices, with their date.", error.Message);
    }

    [Fact]
    public void Global_is_priced_completely_with_the_shipped_table_in_each_of_its_regions()
    {
        var estimate = CostEstimator.Estimate(Synth.Yaml("global"), PriceTable.Shipped, AlwaysOn);
        Assert.Empty(estimate.NotPriced);
        Assert.Empty(estimate.Warnings);
        Assert.Equal(["eu-central-1", "eu-west-2", "us-east-2"], estimate.Regions);
        foreach (var region in estimate.Regions)
        {
            Assert.NotNull(PriceTable.Shipped.Regions[region].AsOf);  // added after the table's date, so dated on its own
            Assert.Equal(3 * 730, In(estimate, region, "EC2 instances", "m6i.large").Quantity);   // Consul and Nomad servers
            Assert.Equal(6 * 730, In(estimate, region, "EC2 instances", "m6i.xlarge").Quantity);  // the k3s and worker groups
            Assert.Equal(2 * 730, In(estimate, region, "Load balancers", "NLB hours").Quantity);
            Assert.Equal(3 * 730, In(estimate, region, "NAT gateways", "hours").Quantity);
        }
        // Two geo-steered load balancers (the platform's hosts and NATS's first connection), one account's add-ons.
        Assert.Equal(2, Synth.Yaml("global").Split("type: cloudflare:index/loadBalancer:LoadBalancer").Length - 1);
        Assert.Equal(1, In(estimate, null, "Cloudflare", "traffic steering (geo)").Quantity);
        Assert.Equal(1, In(estimate, null, "Cloudflare", "load balancer (2 origins included)").Quantity);
    }

    [Fact]
    public void The_delta_line_of_a_pull_request()
    {
        var before = CostEstimator.Estimate(Program, Fixed, AlwaysOn);
        var after = CostEstimator.Estimate(Program.Replace("instanceType: small.1", "instanceType: big.1"), Fixed, AlwaysOn);
        Assert.Equal($"{CostRenderer.Money(before.AlwaysOn)} → {CostRenderer.Money(after.AlwaysOn)} a month (+$630.00)", CostRenderer.Delta(before, after));
        Assert.Equal($"$0.00 → {CostRenderer.Money(after.AlwaysOn)} a month (+{CostRenderer.Money(after.AlwaysOn)})", CostRenderer.Delta(null, after));
    }
}

/// <summary><c>infra cost</c> as a user types it.</summary>
public sealed class CostCommandTests : IDisposable
{
    private readonly string project = Directory.CreateTempSubdirectory("infra-cost-test-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public CostCommandTests() => File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");

    public void Dispose() => Directory.Delete(project, recursive: true);

    private sealed class FixedSynthesizer(string program) : ISynthesizer
    {
        public string Synthesize(string projectRoot, string stack) => program;
    }

    private int Run(string program, params string[] args) =>
        new RootCommand("infra") { CostCommand.Create(new FixedSynthesizer(program)) }
            .Parse([.. args, "--project-dir", project]).Invoke(new InvocationConfiguration { Output = output, Error = error });

    private const string Nat = "resources:\n  aws:\n    type: pulumi:providers:aws\n    properties: {region: eu-west-1}\n  nat: {type: \"aws:ec2/natGateway:NatGateway\"}\n";

    [Fact]
    public void Prints_the_table_with_the_stacks_own_schedule()
    {
        File.WriteAllText(Path.Combine(project, "Pulumi.dev.yaml"),
            "config:\n  infra:environment: dev\n  infra:schedule: {timeZone: Europe/Berlin, weekdayUp: \"08:00\", weekendDown: \"Fri 18:00\"}\n");
        Assert.Equal(0, Run(Nat, "cost", "dev"));
        Assert.Contains("NAT gateways: hours", output.ToString());
        Assert.Contains("up Mon 08:00 to Fri 18:00 (infra:schedule, Europe/Berlin): 106 h a week", output.ToString());
    }

    [Fact]
    public void A_region_without_prices_exits_1_with_nothing_on_stdout()
    {
        Assert.Equal(1, Run(Nat.Replace("eu-west-1", "ap-south-7"), "cost", "dev"));
        Assert.Equal("", output.ToString());
        Assert.Contains("infra cost: stack 'dev': operations/Cost/prices.yaml has no prices for region ap-south-7", error.ToString());
    }

    [Fact]
    public void Markdown_is_the_table_alone()
    {
        Assert.Equal(0, Run(Nat, "cost", "dev", "--format", "markdown"));
        Assert.StartsWith("| item | quantity a month | unit price | always on | scheduled |", output.ToString());
        Assert.Contains("| **dev total** |", output.ToString());
    }

    [Fact]
    public void The_pull_request_comment_carries_the_cost_delta_of_a_changed_tier()
    {
        File.WriteAllText(Path.Combine(project, "base.yaml"), Nat);
        var head = Nat + "  ip: {type: \"aws:ec2/eip:Eip\"}\n";
        var root = new RootCommand("infra") { DiffCommand.Create(new FixedSynthesizer(head)) };
        var exit = root.Parse(["diff", "dev", "--base-file", Path.Combine(project, "base.yaml"), "--format", "markdown", "--project-dir", project])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.Equal(0, exit);
        Assert.Contains("- `dev: +1 ~0 -0`; cost $37.44 → $41.09 a month (+$3.65; ", output.ToString());
    }

    [Fact]
    public void The_pull_request_comment_of_a_changed_global_tier_carries_its_cost_delta_and_diagram()
    {
        // The base lacks London's worker group: the head adds three m6i.xlarge at London's prices.
        var head = Synth.Yaml("global");
        var start = head.IndexOf("\n  london-fleet-workers-group:\n", StringComparison.Ordinal) + 1;
        var end = start + 1;
        while (true)
        {
            end = head.IndexOf('\n', end) + 1;
            if (!head[end..].StartsWith("   ", StringComparison.Ordinal)) break;
        }
        File.WriteAllText(Path.Combine(project, "base.yaml"), head.Remove(start, end - start));
        File.WriteAllText(Path.Combine(project, "Pulumi.global.yaml"), "config:\n  infra:environment: dev\n");
        var root = new RootCommand("infra") { DiffCommand.Create(new FixedSynthesizer(head)) };
        var exit = root.Parse(["diff", "global", "--base-file", Path.Combine(project, "base.yaml"), "--format", "markdown", "--project-dir", project])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit == 0, error.ToString());
        var markdown = output.ToString();
        var london = PriceTable.Shipped.Regions["eu-west-2"];
        var added = 3 * 730 * (london.Ec2PerHour["m6i.xlarge"] + 50 * london.EbsPerGbMonth["gp3"] / 730);
        Assert.Matches($@"- `global: \+1 ~0 -0`; cost \$[\d,.]+ → \$[\d,.]+ a month \(\+{Regex.Escape(CostRenderer.Money(added))}; ", markdown);
        Assert.Contains("```mermaid\nflowchart TB\n", markdown);
        Assert.Matches(@"class [^\n]*n_london_fleet_workers_group[^\n]* added", markdown);
    }
}
