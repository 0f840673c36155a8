using Infra.Constructs.Readiness;
using Infra.Software.Consul;
using Infra.Software.K3s;
using Infra.Software.Nomad;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;
using LocalCommand = Infra.Providers.Generated.Command.Local;

namespace Infra.Stacks.Global;

/// <summary>
/// A region's readiness gates (components/Constructs/Readiness): on the first <c>pulumi up</c> the load balancer and
/// certificates exist minutes before the servers behind them answer (cloud-init installs Consul and Nomad, they
/// elect leaders and bootstrap ACLs; then Nomad starts the k3s job), so each control plane's provider waits for its
/// gate, and each gate polls exactly what its provider needs, at the address the provider uses:
/// <list type="bullet">
/// <item><c>REGION-consul-ready</c>: a leader (<c>/v1/status/leader</c>) and the management token known to the ACL
/// system (<c>/v1/acl/token/self</c>); the HTTPS port checks the CA only (<c>verify_incoming</c> is off there);</item>
/// <item><c>REGION-nomad-ready</c>: a leader and the bootstrap token registered (cluster-acl-bootstrap does that
/// after Consul's ACLs), with the operator certificate (Nomad's <c>verify_https_client</c>);</item>
/// <item><c>REGION-k3s-ready</c>: after the k3s server job is registered, <c>/readyz</c> answers <c>ok</c> to the
/// admin certificate of the kubeconfig (k3s refuses anonymous requests).</item>
/// </list>
/// Each is replaced (and waits again) only when what it stands for is new: the region's load balancer or the node
/// group behind the port; a Service, more nodes or another region leave it alone.
/// </summary>
public static class RegionReadiness
{
    /// <summary>Where an operator looks when a region's servers never answer.</summary>
    private static string ServerHint(GlobalRegion region, string stackName, int port) =>
        $"Check the servers of region {region.Name}: their boot log through Session Manager " +
        $"(aws ec2 describe-instances --region {region.AwsRegion} --filters Name=tag:Name,Values={stackName}-{region.Name}-servers; " +
        $"aws ssm start-session --region {region.AwsRegion} --target INSTANCE-ID; then sudo tail -n 100 /var/log/cloud-init-output.log " +
        $"and journalctl -u {ClusterNodeUserData.SecretsUnit} -u consul -u nomad -u {ClusterNodeUserData.AclUnit}), " +
        $"the load balancer's target group for port {port} (healthy targets), and that this machine may reach port {port} " +
        "(infra:operatorCidrs) and has curl. Then run pulumi up again: the gate waits again.";

    public static LocalCommand.Command Consul(Scope scope, GlobalRegion region, string stackName, Output<string> loadBalancerDns,
        CertificateAuthority ca, ClusterSecrets secrets, Autoscaling.Group servers, Lb.Listener listener) =>
        ReadinessGate.Create(scope, "consul-ready", new ReadinessGateProps
        {
            What = $"Consul of region {region.Name}",
            Endpoint = Text.Interpolate($"https://{loadBalancerDns}:{ConsulAgentConfig.HttpsPort}"),
            Probes = [new("/v1/status/leader", ReadinessAnswer.Leader), new("/v1/acl/token/self", ReadinessAnswer.Success)],
            CaPem = ca.Certificate.CertPem,
            Token = secrets.ConsulManagementToken.Result,
            TokenHeader = "X-Consul-Token",
            Deadline = region.ReadinessDeadline,
            Hint = ServerHint(region, stackName, ConsulAgentConfig.HttpsPort),
            WaitsFor = [servers, listener],
            ReplacedWhen = [loadBalancerDns, servers.Arn],
        });

    public static LocalCommand.Command Nomad(Scope scope, GlobalRegion region, string stackName, Output<string> loadBalancerDns,
        CertificateAuthority ca, IssuedCertificate operatorCert, ClusterSecrets secrets, Autoscaling.Group servers, Lb.Listener listener) =>
        ReadinessGate.Create(scope, "nomad-ready", new ReadinessGateProps
        {
            What = $"Nomad of region {region.Name}",
            Endpoint = Text.Interpolate($"https://{loadBalancerDns}:{NomadAgentConfig.HttpPort}"),
            Probes = [new("/v1/status/leader", ReadinessAnswer.Leader), new("/v1/acl/token/self", ReadinessAnswer.Success)],
            CaPem = ca.Certificate.CertPem,
            ClientCertPem = operatorCert.CertPem,
            ClientKeyPem = operatorCert.Key.PrivateKeyPem,
            Token = secrets.NomadBootstrapToken.Result,
            TokenHeader = "X-Nomad-Token",
            Deadline = region.ReadinessDeadline,
            Hint = ServerHint(region, stackName, NomadAgentConfig.HttpPort),
            WaitsFor = [servers, listener],
            ReplacedWhen = [loadBalancerDns, servers.Arn],
        });

    public static LocalCommand.Command K3s(Scope scope, GlobalRegion region, string stackName, Output<string> loadBalancerDns, K3sPki pki,
        Resource serverJob, Autoscaling.Group k3sNodes, Lb.Listener listener) =>
        ReadinessGate.Create(scope, "k3s-ready", new ReadinessGateProps
        {
            What = $"the Kubernetes API (k3s) of region {region.Name}",
            Endpoint = Text.Interpolate($"https://{loadBalancerDns}:{K3sJobs.ApiPort}"),
            Probes = [new("/readyz", ReadinessAnswer.Ok)],
            CaPem = pki.Authorities[K3sCertificates.ServerCa.Name].Certificate.CertPem,
            ClientCertPem = pki.Admin.CertPem,
            ClientKeyPem = pki.Admin.Key.PrivateKeyPem,
            Deadline = region.ReadinessDeadline,
            Hint = $"Check the k3s server job of region {region.Name} (nomad job status {K3sJobs.ServerJobId}; nomad alloc logs ALLOC k3s, " +
                $"from operator networks with NOMAD_ADDR=https://LOAD-BALANCER:{NomadAgentConfig.HttpPort}), the boot log of its nodes " +
                $"(tag Name={stackName}-{region.Name}-k3s; aws ssm start-session --region {region.AwsRegion} --target INSTANCE-ID; " +
                $"sudo tail -n 100 /var/log/cloud-init-output.log), the load balancer's target group for port {K3sJobs.ApiPort}, and that " +
                $"this machine may reach port {K3sJobs.ApiPort} (infra:operatorCidrs) and has curl. Then run pulumi up again: the gate waits again.",
            WaitsFor = [serverJob, k3sNodes, listener],
            ReplacedWhen = [loadBalancerDns, k3sNodes.Arn],
        });
}
