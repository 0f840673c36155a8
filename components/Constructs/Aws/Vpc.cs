using Infra.Platform;
using Infra.Platform.Network;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Constructs.Aws;

public sealed record VpcProps
{
    public required StackIdentity Stack { get; init; }
    public required string Region { get; init; }
    public required Ipv4Cidr Cidr { get; init; }
    /// <summary>AZ names, one per AZ index; literal names or references into the AZ data source.</summary>
    public required IReadOnlyList<Input<string>> AvailabilityZones { get; init; }
    public bool IsolatedTier { get; init; }
    public NatStrategy Nat { get; init; } = NatStrategy.OnePerAz;
    public int FlowLogRetentionDays { get; init; } = 90;
    public int MaxAzs { get; init; } = SubnetPlanner.DefaultMaxAzs;
    /// <summary>Networks this VPC will be routed to; an overlap is a config error.</summary>
    public IReadOnlyList<NamedCidr> MustNotOverlap { get; init; } = [];
}

/// <summary>
/// A VPC laid out by <see cref="SubnetPlanner"/> (stable: growing never renumbers): public, private and
/// optionally isolated subnets per AZ; an internet gateway; NAT per <see cref="NatStrategy"/> with one
/// private route table per AZ (so switching strategy only moves routes); an S3 gateway endpoint; flow
/// logs to CloudWatch; and the default security group emptied, so nothing can fall back on it.
/// </summary>
public sealed class Vpc : Component
{
    public SubnetPlan Plan { get; }
    public Ec2.Vpc Resource { get; }
    public Output<string> VpcId => Resource.Id;
    public IReadOnlyList<Ec2.Subnet> PublicSubnets { get; }
    public IReadOnlyList<Ec2.Subnet> PrivateSubnets { get; }
    public IReadOnlyList<Ec2.Subnet> IsolatedSubnets { get; }
    public IReadOnlyList<Input<string>> AvailabilityZones { get; }
    public Ec2.VpcEndpoint S3Endpoint { get; }

    public Vpc(Scope scope, string id, VpcProps props) : base(scope, id)
    {
        var name = props.Stack.PhysicalName(id);
        AvailabilityZones = props.AvailabilityZones;
        List<SubnetTierSpec> tiers = [new(SubnetTier.Public), new(SubnetTier.Private)];
        if (props.IsolatedTier) tiers.Add(new(SubnetTier.Isolated));
        Plan = SubnetPlanner.Plan(new SubnetPlanRequest(props.Cidr, props.AvailabilityZones.Count, tiers, props.MaxAzs, props.MustNotOverlap));

        Resource = new Ec2.Vpc(this, "vpc", new Ec2.VpcArgs
        {
            CidrBlock = props.Cidr.ToString(),
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = AwsTags.Named(name),
        });
        // Everything the network holds lives in the VPC.
        DeclareAnchor(Resource);
        _ = new Ec2.DefaultSecurityGroup(this, "default-sg", new Ec2.DefaultSecurityGroupArgs
        {
            VpcId = VpcId,
            Tags = AwsTags.Named($"{name}-default-unused"),
        });

        Ec2.Subnet MakeSubnet(PlannedSubnet planned) => new(this, planned.Name, new Ec2.SubnetArgs
        {
            VpcId = VpcId,
            CidrBlock = planned.Cidr.ToString(),
            AvailabilityZone = props.AvailabilityZones[planned.AzIndex],
            // Public subnets hold the ALB, NAT and bastion; nothing gets a public IP by accident.
            MapPublicIpOnLaunch = false,
            // "tier" is the stack-wide tag (laptop, dc9, ...); the subnet's own tier gets its own key.
            Tags = AwsTags.Named($"{name}-{planned.Name}", [new("subnet-tier", planned.Tier.ToString().ToLowerInvariant())]),
        });
        PublicSubnets = Plan.ForTier(SubnetTier.Public).Select(MakeSubnet).ToList();
        PrivateSubnets = Plan.ForTier(SubnetTier.Private).Select(MakeSubnet).ToList();
        IsolatedSubnets = Plan.ForTier(SubnetTier.Isolated).Select(MakeSubnet).ToList();

        var gateway = new Ec2.InternetGateway(this, "igw", new Ec2.InternetGatewayArgs { VpcId = VpcId, Tags = AwsTags.Named(name) });
        var publicRoutes = new Ec2.RouteTable(this, "public-rt", new Ec2.RouteTableArgs { VpcId = VpcId, Tags = AwsTags.Named($"{name}-public") });
        _ = new Ec2.Route(this, "public-default", new Ec2.RouteArgs
        {
            RouteTableId = publicRoutes.Id,
            DestinationCidrBlock = "0.0.0.0/0",
            GatewayId = gateway.Id,
        });
        foreach (var (subnet, planned) in PublicSubnets.Zip(Plan.ForTier(SubnetTier.Public)))
            _ = new Ec2.RouteTableAssociation(this, $"{planned.Name}-rta", new Ec2.RouteTableAssociationArgs
            {
                SubnetId = subnet.Id,
                RouteTableId = publicRoutes.Id,
            });

        var natCount = props.Nat switch { NatStrategy.OnePerAz => PublicSubnets.Count, NatStrategy.Single => 1, _ => 0 };
        var nats = Enumerable.Range(0, natCount).Select(az =>
        {
            var eip = new Ec2.Eip(this, $"nat-{az}-eip", new Ec2.EipArgs { Domain = "vpc", Tags = AwsTags.Named($"{name}-nat-{az}") });
            return new Ec2.NatGateway(this, $"nat-{az}", new Ec2.NatGatewayArgs
            {
                AllocationId = eip.AllocationId,
                SubnetId = PublicSubnets[az].Id,
                Tags = AwsTags.Named($"{name}-nat-{az}"),
            }, new ResourceOptions { DependsOn = [gateway] });
        }).ToList();

        var endpointRouteTables = new List<Input<string>>();
        foreach (var (subnet, planned) in PrivateSubnets.Zip(Plan.ForTier(SubnetTier.Private)))
        {
            var table = new Ec2.RouteTable(this, $"{planned.Name}-rt", new Ec2.RouteTableArgs
            {
                VpcId = VpcId,
                Tags = AwsTags.Named($"{name}-{planned.Name}"),
            });
            endpointRouteTables.Add(table.Id);
            if (nats.Count > 0)
                _ = new Ec2.Route(this, $"{planned.Name}-default", new Ec2.RouteArgs
                {
                    RouteTableId = table.Id,
                    DestinationCidrBlock = "0.0.0.0/0",
                    NatGatewayId = nats[Math.Min(planned.AzIndex, nats.Count - 1)].Id,
                });
            _ = new Ec2.RouteTableAssociation(this, $"{planned.Name}-rta", new Ec2.RouteTableAssociationArgs
            {
                SubnetId = subnet.Id,
                RouteTableId = table.Id,
            });
        }
        if (IsolatedSubnets.Count > 0)
        {
            // Local routes only: the data tier never reaches (or is reached from) outside the VPC.
            var isolated = new Ec2.RouteTable(this, "isolated-rt", new Ec2.RouteTableArgs { VpcId = VpcId, Tags = AwsTags.Named($"{name}-isolated") });
            endpointRouteTables.Add(isolated.Id);
            foreach (var (subnet, planned) in IsolatedSubnets.Zip(Plan.ForTier(SubnetTier.Isolated)))
                _ = new Ec2.RouteTableAssociation(this, $"{planned.Name}-rta", new Ec2.RouteTableAssociationArgs
                {
                    SubnetId = subnet.Id,
                    RouteTableId = isolated.Id,
                });
        }

        // S3 traffic (packages, backups, the binary when hosted in S3) stays on the AWS network, NAT-free.
        S3Endpoint = new Ec2.VpcEndpoint(this, "s3-endpoint", new Ec2.VpcEndpointArgs
        {
            VpcId = VpcId,
            ServiceName = $"com.amazonaws.{props.Region}.s3",
            VpcEndpointType = "Gateway",
            RouteTableIds = endpointRouteTables,
            Tags = AwsTags.Named($"{name}-s3"),
        });

        var flowLogs = new Cloudwatch.LogGroup(this, "flow-logs", new Cloudwatch.LogGroupArgs
        {
            Name = $"/infra/{name}/flow-logs",
            RetentionInDays = props.FlowLogRetentionDays,
            Tags = AwsTags.Named($"{name}-flow-logs"),
        });
        var flowRole = new Iam.Role(this, "flow-logs-role", new Iam.RoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("vpc-flow-logs.amazonaws.com"),
            Description = $"Writes VPC flow logs of {name} to CloudWatch",
            Tags = AwsTags.Named($"{name}-flow-logs"),
        });
        _ = new Iam.RolePolicy(this, "flow-logs-policy", new Iam.RolePolicyArgs
        {
            Role = flowRole.RoleName,
            Policy = IamPolicies.Allow(
                ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Text.Interpolate($"{flowLogs.Arn}:*")),
        });
        _ = new Ec2.FlowLog(this, "flow-log", new Ec2.FlowLogArgs
        {
            VpcId = VpcId,
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = flowLogs.Arn,
            IamRoleArn = flowRole.Arn,
            MaxAggregationInterval = 60,
            Tags = AwsTags.Named(name),
        });
    }
}
