using System.CommandLine;
using Infra.Cli.Commands;
using Infra.Operations;
using Infra.Operations.Cost;
using Infra.Platform.Schedule;
using Infra.Tests.Dc9;

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
}
