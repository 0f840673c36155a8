using System.Globalization;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Stacks.Global;

/// <summary>
/// A region's network load balancer: one static address (an Elastic IP) per AZ, so the DNS load balancer's
/// origins and operators' allow-lists never change, cross-zone balancing, a security group, and one TCP listener
/// and target group per <see cref="GlobalRegion.Listeners"/> row. The node groups attach to the target groups of
/// their role.
/// </summary>
public sealed class RegionLoadBalancer : Component
{
    public Lb.LoadBalancer LoadBalancer { get; }
    /// <summary>The static addresses by AZ index, sorted by name (the origins' order).</summary>
    public IReadOnlyList<(string Name, Ec2.Eip Address)> Addresses { get; }
    public IReadOnlyDictionary<string, Lb.TargetGroup> TargetGroups { get; }
    /// <summary>The listeners by <see cref="LoadBalancerPort.Name"/> (a readiness gate waits for the one it polls through).</summary>
    public IReadOnlyDictionary<string, Lb.Listener> Listeners { get; }

    /// <param name="subnetIds">Public subnets (one static address each), or private ones for an internal load balancer.</param>
    public RegionLoadBalancer(Scope scope, string id, string name, Output<string> vpcId, IReadOnlyList<Output<string>> subnetIds,
        Ec2.SecurityGroup securityGroup, IReadOnlyList<LoadBalancerPort> listeners, bool isInternal = false) : base(scope, id)
    {
        var addresses = new List<(string, Ec2.Eip)>();
        for (var az = 0; az < (isInternal ? 0 : subnetIds.Count); az++)
        {
            var addressName = $"address-az{az.ToString(CultureInfo.InvariantCulture)}";
            addresses.Add((addressName, new Ec2.Eip(this, addressName, new Ec2.EipArgs
            {
                Domain = "vpc",
                Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-{addressName}" },
            })));
        }
        Addresses = addresses.OrderBy(a => a.Item1, StringComparer.Ordinal).ToList();
        LoadBalancer = new Lb.LoadBalancer(this, "nlb", new Lb.LoadBalancerArgs
        {
            LoadBalancerType = Lb.LoadBalancerType.Network,
            Internal = isInternal,
            SecurityGroups = [securityGroup.Id],
            SubnetMappings = subnetIds.Select((subnet, az) => new Lb.LoadBalancerSubnetMapping
            {
                SubnetId = subnet,
                AllocationId = isInternal ? null : (Input<string>)addresses[az].Item2.AllocationId,
            }).ToList(),
            EnableCrossZoneLoadBalancing = true,
            Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-{id}" },
        });
        // The load balancer stands for the component; addresses, target groups and listeners are its parts.
        DeclareAnchor(LoadBalancer);

        var groups = new Dictionary<string, Lb.TargetGroup>(StringComparer.Ordinal);
        var forwards = new Dictionary<string, Lb.Listener>(StringComparer.Ordinal);
        foreach (var listener in listeners)
        {
            // The group is autonamed from its short logical name (a replacement can then exist beside the old one).
            var group = new Lb.TargetGroup(this, listener.Name, new Lb.TargetGroupArgs
            {
                VpcId = vpcId,
                Port = listener.TargetPort,
                Protocol = Lb.TargetGroupProtocol.TCP,
                TargetType = Lb.TargetType.Instance,
                DeregistrationDelay = 30,
                PreserveClientIp = listener.PreserveClientIp ? null : (Input<string>)"false",
                HealthCheck = new Lb.TargetGroupHealthCheck { Protocol = Lb.HealthCheckProtocol.TCP, Interval = 10, HealthyThreshold = 3, UnhealthyThreshold = 3 },
                Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-{id}-{listener.Name}" },
            });
            groups[listener.Name] = group;
            forwards[listener.Name] = new Lb.Listener(this, $"{listener.Name}-listener", new Lb.ListenerArgs
            {
                LoadBalancerArn = LoadBalancer.Arn,
                Port = listener.Port,
                Protocol = Lb.ListenerProtocol.TCP,
                DefaultActions = [new Lb.ListenerDefaultAction { Type = Lb.ActionType.Forward, TargetGroupArn = group.Arn }],
            });
        }
        TargetGroups = groups;
        Listeners = forwards;
    }
}
