using System.Globalization;
using Infra.Platform;
using Infra.Platform.Network;
using Infra.Synthesis;
// The provider's vpc module; the Vpc construct of this namespace would hide Aws.Vpc.
using VpcRules = Infra.Providers.Generated.Aws.Vpc;
using static Infra.Providers.Generated.Aws;

namespace Infra.Constructs.Aws;

public sealed record SecurityGroupsProps
{
    public required Vpc Vpc { get; init; }
    public int AppPort { get; init; } = PlatformBinary.HttpPort;
    public int BusPort { get; init; } = PlatformBinary.BusPort;
    public required int RaftPort { get; init; }
    /// <summary>Who may SSH to the bastion. Empty: no SSH ingress at all (Session Manager only).</summary>
    public IReadOnlyList<Ipv4Cidr> SshCidrs { get; init; } = [];
    /// <summary>Extra TCP ports servers may open to the internet (e.g. the OTLP gateway); 443 is always allowed.</summary>
    public IReadOnlyList<int> ServerEgressPorts { get; init; } = [];
}

/// <summary>
/// The security groups of the edge and the fleet, with exactly these paths: internet → ALB 443/80;
/// ALB → servers on the app port; servers ↔ servers on the bus and RAFT ports; bastion → servers SSH;
/// SSH to the bastion only from the configured CIDRs; egress only as declared (HTTPS out for packages,
/// Session Manager and telemetry). Every rule is its own resource, one peer each, so groups can name
/// each other without a cycle and the program reads as the rule list.
/// </summary>
public sealed class SecurityGroups : SecurityGroupSet
{
    public Ec2.SecurityGroup Alb { get; }
    public Ec2.SecurityGroup Servers { get; }
    public Ec2.SecurityGroup Bastion { get; }

    public SecurityGroups(Scope scope, string id, SecurityGroupsProps props) : base(scope, id)
    {
        var stack = StackContext.Of(this);
        var name = stack.PhysicalName(id);
        // The groups are peers (none stands for the set); each rule is a child of the group it belongs to.
        DeclareNoAnchor();
        Ec2.SecurityGroup Group(string role, string description) => new(this, role, new Ec2.SecurityGroupArgs
        {
            VpcId = props.Vpc.VpcId,
            Description = description,
            NamePrefix = SecurityGroupName.Prefix(name, role),
            RevokeRulesOnDelete = true,
            Tags = AwsTags.Named($"{name}-{role}"),
        });
        Alb = Group("alb", "Internet-facing load balancer: HTTPS and HTTP in, app port out to the servers");
        Servers = Group("servers", "Platform servers: app port from the ALB, bus and RAFT among themselves, SSH from the bastion");
        Bastion = Group("bastion", "Bastion: SSH in from the configured CIDRs only, SSH out to the servers");

        const string anywhere = "0.0.0.0/0";
        Ingress(Alb, "https", VpcRules.IpProtocol.Tcp, 443, description: "HTTPS from the internet", cidr: anywhere);
        Ingress(Alb, "http", VpcRules.IpProtocol.Tcp, 80, description: "HTTP from the internet, redirected to HTTPS", cidr: anywhere);
        Egress(Alb, "app", VpcRules.IpProtocol.Tcp, props.AppPort, "Requests and health checks to the servers", group: Servers);

        Ingress(Servers, "app", VpcRules.IpProtocol.Tcp, props.AppPort, "Requests and health checks from the ALB", group: Alb);
        Ingress(Servers, "bus", VpcRules.IpProtocol.Tcp, props.BusPort, "Platform bus between servers", group: Servers);
        Ingress(Servers, "raft", VpcRules.IpProtocol.Tcp, props.RaftPort, "RAFT between servers", group: Servers);
        Ingress(Servers, "ssh", VpcRules.IpProtocol.Tcp, 22, "SSH from the bastion", group: Bastion);
        Egress(Servers, "bus", VpcRules.IpProtocol.Tcp, props.BusPort, "Platform bus between servers", group: Servers);
        Egress(Servers, "raft", VpcRules.IpProtocol.Tcp, props.RaftPort, "RAFT between servers", group: Servers);
        Egress(Servers, "https", VpcRules.IpProtocol.Tcp, 443, "Packages, the platform binary, Session Manager", cidr: anywhere);
        foreach (var port in props.ServerEgressPorts.Where(p => p != 443).Distinct().Order())
            Egress(Servers, $"telemetry-{port.ToString(CultureInfo.InvariantCulture)}", VpcRules.IpProtocol.Tcp, port, "Telemetry export", cidr: anywhere);

        for (var i = 0; i < props.SshCidrs.Count; i++)
            Ingress(Bastion, $"ssh-{i}", VpcRules.IpProtocol.Tcp, 22, $"SSH from {props.SshCidrs[i]}", cidr: props.SshCidrs[i].ToString());
        Egress(Bastion, "ssh", VpcRules.IpProtocol.Tcp, 22, "SSH to the servers", group: Servers);
        Egress(Bastion, "https", VpcRules.IpProtocol.Tcp, 443, "Session Manager and packages", cidr: anywhere);
    }
}
