using Infra.Platform;
using Infra.Software.Consul;
using Infra.Software.Envoy;
using Infra.Software.K3s;
using Infra.Software.Nomad;
using Infra.Synthesis;
using static Infra.Providers.Generated.Nomad;
using static Infra.Providers.Generated.Consul;
using static Infra.Providers.Generated.Random;
using NomadProviderResource = Infra.Providers.Generated.Nomad.NomadProvider;
using ConsulProviderResource = Infra.Providers.Generated.Consul.ConsulProvider;

namespace Infra.Stacks.Global;

/// <summary>
/// What runs on a region's Nomad and Consul, declared through their own providers (reached on the load
/// balancer's API listeners with the region's CA, an operator certificate and the Pulumi-generated tokens):
/// the k3s jobs and their Nomad variables (join token and the cluster CAs), the Envoy ingress gateway, and the
/// Consul config entries that carry the route table and the Envoy escape hatches. Each provider waits for its
/// region's readiness gate (<see cref="RegionReadiness"/>): the load balancer answers long before the servers do.
/// </summary>
public sealed class ClusterWorkloads : Component
{
    public const string CollectorHost = "otel-collector.platform.svc.cluster.local";
    public const int CollectorPort = 4317;

    public NomadProviderResource Nomad { get; }
    public ConsulProviderResource Consul { get; }
    /// <summary>The k3s server job: the Kubernetes API exists once it runs (the region's k3s gate waits for it).</summary>
    public Job K3sServers { get; }

    public ClusterWorkloads(Scope scope, string id, GlobalRegion region, Output<string> loadBalancerDns, Output<string> internalDns, CertificateAuthority ca,
        IssuedCertificate operatorCert, ClusterSecrets secrets, K3sPki k3s, PlatformSettings platform, string domain, ControlPlaneGates gates) : base(scope, id)
    {
        // Providers cannot anchor; the variables, jobs and config entries are peers under the region.
        DeclareNoAnchor();
        Nomad = new NomadProviderResource(this, "nomad", new NomadProviderArgs
        {
            Address = Text.Interpolate($"https://{loadBalancerDns}:{NomadAgentConfig.HttpPort}"),
            Region = region.Name,
            CaPem = ca.Certificate.CertPem,
            CertPem = operatorCert.CertPem,
            KeyPem = Fn.Secret<string>(operatorCert.Key.PrivateKeyPem),
            SecretId = Fn.Secret<string>(secrets.NomadBootstrapToken.Result),
        }, new ResourceOptions { DependsOn = [gates.Nomad] });
        Consul = new ConsulProviderResource(this, "consul", new ConsulProviderArgs
        {
            Address = Text.Interpolate($"{loadBalancerDns}:{ConsulAgentConfig.HttpsPort}"),
            Scheme = "https",
            Datacenter = region.Datacenter,
            CaPem = ca.Certificate.CertPem,
            Token = Fn.Secret<string>(secrets.ConsulManagementToken.Result),
        }, new ResourceOptions { DependsOn = [gates.Consul] });
        UseProvider(Nomad);
        UseProvider(Consul);

        var token = new RandomBytes(this, "k3s-token", new RandomBytesArgs { Length = 32 });
        var serverItems = new Dictionary<string, Input<string>> { [K3sJobs.TokenItem] = Fn.Secret<string>(token.Hex) };
        foreach (var authority in K3sCertificates.All)
        {
            serverItems[authority.CertItem] = k3s.Authorities[authority.Name].Certificate.CertPem;
            serverItems[authority.KeyItem] = Fn.Secret<string>(k3s.Authorities[authority.Name].Key.PrivateKeyPem);
        }
        serverItems[K3sCertificates.ServiceAccountKeyItem] = Fn.Secret<string>(k3s.ServiceAccountKey.PrivateKeyPem);
        var serverVariable = new Variable(this, "k3s-server-variable", new VariableArgs { Path = NomadJson.JobVariablePath(K3sJobs.ServerJobId), Items = serverItems });
        var agentVariable = new Variable(this, "k3s-agent-variable", new VariableArgs
        {
            Path = NomadJson.JobVariablePath(K3sJobs.AgentJobId),
            Items = new Dictionary<string, Input<string>> { [K3sJobs.TokenItem] = Fn.Secret<string>(token.Hex) },
        });

        var markers = new Dictionary<string, Output<string>>
        {
            [JobSpecText.LoadBalancerMarker] = loadBalancerDns,
            [JobSpecText.InternalLoadBalancerMarker] = internalDns,
        };
        // The API server's certificate names both load balancers (operators outside, Consul's auth method inside).
        K3sServers = Job("k3s-server", K3sJobs.Servers(region.Name, region.Datacenter, [JobSpecText.LoadBalancerMarker, JobSpecText.InternalLoadBalancerMarker]), markers, serverVariable);
        Job("k3s-agent", K3sJobs.Agents(region.Name, region.Datacenter, region.K3sNodes - 3), markers, agentVariable);
        var hosts = platform.Routes.Routes.Select(r => r.Host).Distinct().Order(StringComparer.Ordinal).ToList();
        Job("ingress-gateway", IngressGatewayJob.Build(region.Name, region.Datacenter, hosts, domain), markers);

        // The route table as Consul config entries; the ingress gateway's own entry is written by Nomad from its job.
        var rows = platform.Routes.Routes.Select(r => new IngressRow(r.Host, r.PathPrefix, r.Service)).ToList();
        foreach (var service in platform.Services.Names.Concat(hosts.Select(IngressRoutes.HostService)).Order(StringComparer.Ordinal))
            Entry($"defaults-{service}", "service-defaults", service, ServiceDefaults.Http(service));
        foreach (var (host, router) in IngressRoutes.Routers(rows))
            Entry($"router-{host}", "service-router", IngressRoutes.HostService(host), router);
        Entry("proxy-defaults", "proxy-defaults", "global", EnvoyTracing.ProxyDefaults(CollectorHost, CollectorPort));
    }

    private Job Job(string id, System.Text.Json.Nodes.JsonObject job, IReadOnlyDictionary<string, Output<string>> markers, Resource? variable = null) =>
        new Job(this, id, new JobArgs
        {
            Jobspec = JobSpecText.Splice(NomadJson.Render(job), markers),
            Json = true,
            DeregisterOnDestroy = true,
            PurgeOnDestroy = true,
            // kubectl-style scaling of Nomad groups is not undone by a later `pulumi up`.
            PreserveCounts = true,
        }, new ResourceOptions { DependsOn = variable is null ? [] : [variable] });

    /// <summary>A config entry from the generator's JSON (the provider's generic entry: Kind and Name outside, the rest as JSON).</summary>
    private void Entry(string id, string kind, string name, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("Kind");
        node.Remove("Name");
        _ = new ConfigEntry(this, id, new ConfigEntryArgs { Kind = kind, Name = name, ConfigJson = node.ToJsonString() });
    }
}

/// <summary>A region's Nomad and Consul readiness gates, which the providers of <see cref="ClusterWorkloads"/> wait for.</summary>
public sealed record ControlPlaneGates(Resource Nomad, Resource Consul);
