using Infra.Constructs.Aws;
using Infra.Nats;
using Infra.Platform;
using Infra.Software.Consul;
using Infra.Software.Nomad;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;
using NetworkVpc = Infra.Constructs.Aws.Vpc;

namespace Infra.Stacks.Global;

/// <summary>
/// Everything of one region, under the region's name (so adding or removing a region touches nothing else):
/// an explicit aws provider for its AWS region; the dc9 VPC construct over three AZs with the region's block; a
/// bastion; the cluster's CA and certificates by role name; its secrets; the node groups (servers, the k3s class
/// and the worker class) behind a network load balancer with a static address per AZ; the Nomad jobs and Consul
/// config entries; and the platform on its k3s cluster.
/// </summary>
public sealed class GlobalRegionStack : Component
{
    public const int AzCount = 3;

    public GlobalRegion Region { get; }
    public RegionLoadBalancer LoadBalancer { get; }
    public RegionLoadBalancer InternalLoadBalancer { get; }
    public Bastion Bastion { get; }
    public KubernetesPlatform Kubernetes { get; }

    /// <summary>The region's NATS client URLs, own region first (deploy-time names spliced in).</summary>
    public IReadOnlyList<Input<string>> NatsClientUrls { get; }

    public GlobalRegionStack(Scope scope, GlobalRegion region, StackIdentity stack, GlobalSettings global, IReadOnlyDictionary<string, string> tags,
        NatsInputs nats)
        : base(scope, region.Name)
    {
        Region = region;
        var platform = stack.Settings;
        var name = $"{stack.Stack}-{region.Name}";
        // Providers cannot anchor; the region's parts are peers at the top of the tree, named under the region.
        DeclareNoAnchor();
        UseProvider(new AwsProvider(this, "aws", new AwsProviderArgs
        {
            Region = region.AwsRegion,
            DefaultTags = new ProviderDefaultTags { Tags = tags.ToDictionary(t => t.Key, t => (Input<string>)t.Value) },
        }));

        var zoneNames = Blueprint.Variable<IReadOnlyList<string>>($"{region.Name}Zones", Fn.Invoke<IReadOnlyList<string>>(this,
            "aws:index/getAvailabilityZones:getAvailabilityZones", new Dictionary<string, object> { ["state"] = "available" }, "names").Expr);
        IReadOnlyList<Input<string>> zones = Enumerable.Range(0, AzCount).Select(i => (Input<string>)zoneNames.Index<string>(i)).ToList();
        Input<string> ami = Blueprint.Variable<string>($"{region.Name}Ami", Fn.Invoke<string>(this, "aws:ec2/getAmi:getAmi", new Dictionary<string, object>
        {
            ["owners"] = new[] { Dc9.Dc9Tier.DebianImageOwner },
            ["mostRecent"] = true,
            ["filters"] = new object[]
            {
                new Dictionary<string, object> { ["name"] = "name", ["values"] = new[] { "debian-12-amd64-*" } },
                new Dictionary<string, object> { ["name"] = "architecture", ["values"] = new[] { "x86_64" } },
            },
        }, "id").Expr);

        var network = new NetworkVpc(this, "network", new VpcProps
        {
            Region = region.AwsRegion,
            Cidr = region.Cidr,
            AvailabilityZones = zones,
            Nat = NatStrategy.OnePerAz,
            FlowLogRetentionDays = platform.IsProduction ? 365 : 30,
        });
        var otlpPort = int.Parse(global.OtlpEndpoint[(global.OtlpEndpoint.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var firewall = new RegionFirewall(this, "firewall", name, network.VpcId, region.Cidr, GlobalRegion.Listeners, GlobalRegion.InternalListeners, global.OperatorCidrs, otlpPort);
        Bastion = new Bastion(this, "bastion", new BastionProps
        {
            Subnet = network.PublicSubnets[0],
            SecurityGroup = firewall.Bastion,
            Ami = ami,
            InstanceType = global.BastionInstanceType,
            SessionManager = global.SessionManager,
        });
        LoadBalancer = new RegionLoadBalancer(this, "lb", name, network.VpcId, network.PublicSubnets.Select(s => s.Id).ToList(),
            firewall.LoadBalancer, GlobalRegion.Listeners);
        var dns = LoadBalancer.LoadBalancer.DnsName;
        InternalLoadBalancer = new RegionLoadBalancer(this, "ilb", name, network.VpcId, network.PrivateSubnets.Select(s => s.Id).ToList(),
            firewall.InternalLoadBalancer, GlobalRegion.InternalListeners, isInternal: true);
        var internalDns = InternalLoadBalancer.LoadBalancer.DnsName;

        // One CA per region for Consul and Nomad; certificates name roles, so a replaced server needs no new one.
        var ca = new CertificateAuthority(this, "cluster-ca", $"{name} cluster CA");
        var serverCert = ca.Issue("server", ConsulAgentConfig.ServerName(region.Datacenter),
            [ConsulAgentConfig.ServerName(region.Datacenter), NomadAgentConfig.ServerName(region.Name), "localhost", dns, internalDns],
            server: true, client: true, ipAddresses: ["127.0.0.1"]);
        var clientCert = ca.Issue("client", ConsulAgentConfig.ClientName(region.Datacenter),
            [ConsulAgentConfig.ClientName(region.Datacenter), NomadAgentConfig.ClientName(region.Name), "localhost"],
            server: true, client: true, ipAddresses: ["127.0.0.1"]);
        var operatorCert = ca.Issue("operator", $"operator.{region.Name}.nomad", [], server: false, client: true);

        // Under /infra: SSM refuses names that begin with "aws" or "ssm", which a stack name might.
        var parameterPath = $"/infra/{stack.Stack}/{region.Name}/cluster";
        var secrets = new ClusterSecrets(this, "secrets", parameterPath, ca, serverCert, clientCert);
        var fleet = new ClusterFleet(this, "fleet", name, stack.Stack, region, ami, firewall.Nodes.Id, network.PrivateSubnets.Select(s => s.Id).ToList(), parameterPath,
        [
            new NodeGroup(ClusterRole.Server, "servers", region.Servers, global.ServerInstanceType, TargetGroupsOf(ClusterRole.Server)),
            new NodeGroup(ClusterRole.K3sClient, "k3s", region.K3sNodes, global.ClientInstanceType, TargetGroupsOf(ClusterRole.K3sClient)),
            new NodeGroup(ClusterRole.WorkerClient, "workers", region.WorkerNodes, global.ClientInstanceType, TargetGroupsOf(ClusterRole.WorkerClient)),
        ]);

        var k3sPki = new K3sPki(this, "k3s-pki", region.Name);
        // The providers of Nomad, Consul and Kubernetes wait for their gates: the servers answer minutes after the load balancer exists.
        var servers = fleet.Groups[ClusterRole.Server];
        var gates = new ControlPlaneGates(
            RegionReadiness.Nomad(this, region, stack.Stack, dns, ca, operatorCert, secrets, servers, LoadBalancer.Listeners["nomad"]),
            RegionReadiness.Consul(this, region, stack.Stack, dns, ca, secrets, servers, LoadBalancer.Listeners["consul"]));
        var workloads = new ClusterWorkloads(this, "cluster", region, dns, internalDns, ca, operatorCert, secrets, k3sPki, platform, global.Domain, gates);
        var k3sReady = RegionReadiness.K3s(this, region, stack.Stack, dns, k3sPki, workloads.K3sServers, fleet.Groups[ClusterRole.K3sClient],
            LoadBalancer.Listeners["kube"]);
        _ = new NatsRegionCluster(this, "nats", region, nats.Spec, nats.Cluster, nats.Secrets, workloads.Nomad, internalDns, global.Domain);
        var natsMarkers = new Dictionary<string, Output<string>> { [NatsPlan.InternalHostMarker] = internalDns };
        var natsUrls = nats.Cluster.For(region.Name);
        NatsClientUrls = natsUrls.Flat.Select(u => JobSpecText.Splice(u, natsMarkers)).ToList();
        var natsClient = new NatsClientInputs(natsUrls.ForBinary(nats.Spec.AppUser, KubernetesPlatform.NatsCaFile), natsMarkers,
            nats.Secrets.Ca.Certificate.CertPem, nats.Secrets.AppPassword.Result);
        Kubernetes = new KubernetesPlatform(this, "k8s", region, dns, internalDns, k3sPki, ca, secrets, platform, global, natsClient, k3sReady);
    }

    private IReadOnlyList<Lb.TargetGroup> TargetGroupsOf(ClusterRole role) =>
        GlobalRegion.Listeners.Where(l => l.Targets == role).Select(l => LoadBalancer.TargetGroups[l.Name])
            .Concat(GlobalRegion.InternalListeners.Where(l => l.Targets == role).Select(l => InternalLoadBalancer.TargetGroups[l.Name])).ToList();
}

/// <summary>The NATS super-cluster as every region builds from it: the spec, the generated files and URL lists, the tier's secrets.</summary>
public sealed record NatsInputs(NatsSuperClusterSpec Spec, NatsSuperCluster Cluster, NatsSecrets Secrets);

/// <summary>What a region's platform pods need to reach NATS: the binary's settings (with deploy-time names as markers), the CA and the password.</summary>
public sealed record NatsClientInputs(Infra.Platform.Binary.BinaryMessaging Messaging, IReadOnlyDictionary<string, Output<string>> Markers,
    Output<string> CaPem, Output<string> Password);
