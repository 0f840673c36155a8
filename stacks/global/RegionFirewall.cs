using System.Globalization;
using SecurityGroupSet = Infra.Constructs.Aws.SecurityGroupSet;
using Infra.Nats;
using Infra.Platform.Network;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Stacks.Global;

/// <summary>
/// A region's security groups: the load balancer (ingress from the internet, the cluster APIs from operator
/// networks only), the cluster nodes (everything among themselves; from the load balancer only its target
/// ports), and the bastion (SSH from operator networks). No Nomad, Consul or Kubernetes API port is open to the
/// world: the policies check it on the program. Listener ports come from one list, so NATS adds rows there.
/// </summary>
public sealed class RegionFirewall : SecurityGroupSet
{
    public const string Anywhere = "0.0.0.0/0";

    public Ec2.SecurityGroup LoadBalancer { get; }
    public Ec2.SecurityGroup InternalLoadBalancer { get; }
    public Ec2.SecurityGroup Nodes { get; }
    public Ec2.SecurityGroup Bastion { get; }

    public RegionFirewall(Scope scope, string id, string name, Output<string> vpcId, Ipv4Cidr vpcCidr, IReadOnlyList<LoadBalancerPort> listeners,
        IReadOnlyList<LoadBalancerPort> internalListeners, IReadOnlyList<Ipv4Cidr> operators, int otlpPort) : base(scope, id)
    {
        // The groups are peers; each rule is a child of the group it belongs to.
        DeclareNoAnchor();
        Ec2.SecurityGroup Group(string role, string description) => new(this, role, new Ec2.SecurityGroupArgs
        {
            VpcId = vpcId,
            NamePrefix = $"{name}-{role}-",
            Description = description,
            RevokeRulesOnDelete = true,
            Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-{role}" },
        });
        LoadBalancer = Group("lb", "Network load balancer: ingress from the internet, cluster APIs from operator networks");
        InternalLoadBalancer = Group("ilb", "Internal load balancer: Consul and the Kubernetes API from inside the region only");
        Nodes = Group("nodes", "Consul, Nomad and k3s nodes: everything among themselves, target ports from the load balancer");
        Bastion = Group("bastion", "Bastion: SSH from operator networks, the cluster UIs and SSH inside the VPC");

        foreach (var listener in listeners)
        {
            var port = listener.Port.ToString(CultureInfo.InvariantCulture);
            if (listener.Public) Ingress(LoadBalancer, $"{listener.Name}-world", Vpc.IpProtocol.Tcp, listener.Port, $"{listener.Name} from the internet", cidr: Anywhere);
            else
            {
                for (var i = 0; i < operators.Count; i++)
                    Ingress(LoadBalancer, $"{listener.Name}-operator-{i.ToString(CultureInfo.InvariantCulture)}", Vpc.IpProtocol.Tcp, listener.Port,
                        $"{listener.Name} from operator network {operators[i]}", cidr: operators[i].ToString());
                Ingress(LoadBalancer, $"{listener.Name}-vpc", Vpc.IpProtocol.Tcp, listener.Port, $"{listener.Name} from inside the region", cidr: vpcCidr.ToString());
            }
            Egress(LoadBalancer, $"{listener.Name}-targets", Vpc.IpProtocol.Tcp, listener.TargetPort, $"{listener.Name} to its targets (port {port})", group: Nodes);
            Ingress(Nodes, $"{listener.Name}-lb", Vpc.IpProtocol.Tcp, listener.TargetPort, $"{listener.Name} and its health checks from the load balancer", group: LoadBalancer);
        }
        foreach (var listener in internalListeners)
        {
            Ingress(InternalLoadBalancer, $"{listener.Name}-vpc", Vpc.IpProtocol.Tcp, listener.Port, $"{listener.Name} from inside the region", cidr: vpcCidr.ToString());
            Egress(InternalLoadBalancer, $"{listener.Name}-targets", Vpc.IpProtocol.Tcp, listener.TargetPort, $"{listener.Name} to its targets", group: Nodes);
            Ingress(Nodes, $"{listener.Name}-ilb", Vpc.IpProtocol.Tcp, listener.TargetPort, $"{listener.Name} and its health checks from the internal load balancer", group: InternalLoadBalancer);
        }
        Ingress(Nodes, "cluster", Vpc.IpProtocol.All, null, "Consul, Nomad, k3s, etcd, flannel and the platform among the nodes", group: Nodes);
        Egress(Nodes, "cluster", Vpc.IpProtocol.All, null, "Consul, Nomad, k3s, etcd, flannel and the platform among the nodes", group: Nodes);
        Egress(Nodes, "https", Vpc.IpProtocol.Tcp, 443, "Packages, images, AWS APIs (SSM, EC2 auto-join), Session Manager", cidr: Anywhere);
        // NATS across regions: gateways to the other regions' public load balancers, and clients failing over to them.
        Egress(Nodes, "nats-gateways", Vpc.IpProtocol.Tcp, NatsPorts.Standard.Gateway, "NATS gateways to the load balancers of the other regions", cidr: Anywhere);
        Egress(Nodes, "nats-clients", Vpc.IpProtocol.Tcp, NatsPorts.Standard.Client, "NATS clients failing over to the load balancer of another region", cidr: Anywhere);
        if (otlpPort != 443) Egress(Nodes, "otlp", Vpc.IpProtocol.Tcp, otlpPort, "Telemetry export to the OTLP gateway", cidr: Anywhere);
        Ingress(Nodes, "bastion", Vpc.IpProtocol.All, null, "SSH and the Nomad and Consul UIs from the bastion", group: Bastion);

        for (var i = 0; i < operators.Count; i++)
            Ingress(Bastion, $"ssh-operator-{i.ToString(CultureInfo.InvariantCulture)}", Vpc.IpProtocol.Tcp, 22, $"SSH from operator network {operators[i]}", cidr: operators[i].ToString());
        Egress(Bastion, "nodes", Vpc.IpProtocol.All, null, "SSH and the cluster UIs on the nodes", group: Nodes);
        Egress(Bastion, "https", Vpc.IpProtocol.Tcp, 443, "Session Manager and packages", cidr: Anywhere);
    }
}
