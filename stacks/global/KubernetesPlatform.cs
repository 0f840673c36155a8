using System.Globalization;
using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Software.Consul;
using Infra.Software.K3s;
using Infra.Synthesis;
using static Infra.Providers.Generated.Kubernetes;
using Kube = Infra.Providers.Generated.Kubernetes;

namespace Infra.Stacks.Global;

/// <summary>
/// The platform on a region's k3s cluster, declared through the region's Kubernetes provider (kubeconfig built
/// here from the tls-made CAs and admin certificate: nothing is read back from the cluster):
/// <list type="bullet">
/// <item>consul-k8s from its pinned chart, against the region's external Consul servers;</item>
/// <item>a namespace; per Service a headless Service, a StatefulSet (stable pod names are the RAFT member ids;
/// replicas from config, and Pulumi ignores replica drift so <c>kubectl scale</c> sticks) and a
/// PodDisruptionBudget of one, which the settings check keeps quorum;</item>
/// <item>the platform binary started through its one interface (<see cref="PlatformBinary"/>), its RAFT peers
/// written by a sidecar from the Consul catalog (<see cref="RaftPeerDiscovery"/>);</item>
/// <item>an OpenTelemetry collector, requests and limits on every container.</item>
/// </list>
/// </summary>
public sealed class KubernetesPlatform : Component
{
    public const string Namespace = "platform";
    public const string ConfiguredReplicasAnnotation = "platform.infra/configured-replicas";
    public const string CollectorImage = "docker.io/otel/opentelemetry-collector-contrib:0.116.1";
    public const string DataDirectory = "/var/lib/platform", PeersDirectory = "/etc/platform/raft", PeersFile = PeersDirectory + "/raft-peers.json";
    /// <summary>The NATS client's ConfigMap and Secret (one name), their items, and where the CA file is in the container.</summary>
    public const string NatsClientObject = "nats-client", NatsUrlsItem = "urls", NatsCaItem = "ca.pem", NatsPasswordItem = "password";
    public const string NatsDirectory = "/etc/platform/nats", NatsCaFile = NatsDirectory + "/" + NatsCaItem;

    public KubernetesProvider Provider { get; }
    public Input<string> Kubeconfig { get; }
    public IReadOnlyDictionary<string, AppsV1.StatefulSet> Workloads { get; }

    public KubernetesPlatform(Scope scope, string id, GlobalRegion region, Output<string> loadBalancerDns, Output<string> internalDns, K3sPki pki,
        CertificateAuthority clusterCa, ClusterSecrets secrets, PlatformSettings platform, GlobalSettings global, NatsClientInputs nats, Resource apiReady) : base(scope, id)
    {
        var server = Text.Interpolate($"https://{loadBalancerDns}:{K3sJobs.ApiPort}");
        Kubeconfig = Fn.Secret<string>(Fn.ToJson(new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new object[] { new Dictionary<string, object> { ["name"] = region.Name, ["cluster"] = new Dictionary<string, object>
            {
                ["server"] = server,
                ["certificate-authority-data"] = Fn.ToBase64(pki.Authorities[K3sCertificates.ServerCa.Name].Certificate.CertPem),
            } } },
            ["users"] = new object[] { new Dictionary<string, object> { ["name"] = "admin", ["user"] = new Dictionary<string, object>
            {
                ["client-certificate-data"] = Fn.ToBase64(pki.Admin.CertPem),
                ["client-key-data"] = Fn.ToBase64(pki.Admin.Key.PrivateKeyPem),
            } } },
            ["contexts"] = new object[] { new Dictionary<string, object> { ["name"] = region.Name, ["context"] = new Dictionary<string, object>
            {
                ["cluster"] = region.Name, ["user"] = "admin", ["namespace"] = Namespace,
            } } },
            ["current-context"] = region.Name,
        }));
        // The API answers minutes after the load balancer exists (k3s is a Nomad job): the region's k3s gate waits for it.
        Provider = new KubernetesProvider(this, "kubernetes", new KubernetesProviderArgs { Kubeconfig = Kubeconfig, EnableServerSideApply = true },
            new ResourceOptions { DependsOn = [apiReady] });
        UseProvider(Provider);

        var ns = new CoreV1.Namespace(this, "namespace", new CoreV1.NamespaceArgs { Metadata = Meta(Namespace, null) });
        // The namespace stands for the platform on this cluster; everything else is its part.
        DeclareAnchor(ns);

        var consulNs = new CoreV1.Namespace(this, "consul-namespace", new CoreV1.NamespaceArgs { Metadata = Meta("consul", null) });
        var consulCa = new CoreV1.Secret(this, "consul-ca", new CoreV1.SecretArgs
        {
            Metadata = Meta(ConsulK8sValues.CaSecret, "consul"),
            StringData = new Dictionary<string, Input<string>> { ["tls.crt"] = clusterCa.Certificate.CertPem },
        }, new ResourceOptions { DependsOn = [consulNs] });
        var bootstrap = new CoreV1.Secret(this, "consul-bootstrap-token", new CoreV1.SecretArgs
        {
            Metadata = Meta(ConsulK8sValues.BootstrapTokenSecret, "consul"),
            StringData = new Dictionary<string, Input<string>> { ["token"] = Fn.Secret<string>(secrets.ConsulManagementToken.Result) },
        }, new ResourceOptions { DependsOn = [consulNs] });
        // The values as a values file (JSON is YAML): chart keys such as secretKey name secrets, they do not hold them.
        var values = ConsulK8sValues.Render(region.Datacenter, JobSpecText.InternalLoadBalancerMarker,
            $"https://{JobSpecText.InternalLoadBalancerMarker}:{K3sJobs.ApiPort}").ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var consul = new HelmShV3.Release(this, "consul-k8s", new HelmShV3.ReleaseArgs
        {
            Name = "consul",
            Chart = "consul",
            Version = ConsulVersion.ChartVersion,
            RepositoryOpts = new HelmShV3.RepositoryOpts { Repo = ConsulVersion.ChartRepository },
            Namespace = "consul",
            ValueYamlFiles = [Fn.StringAsset(JobSpecText.Splice(values, new Dictionary<string, Output<string>> { [JobSpecText.InternalLoadBalancerMarker] = internalDns }))],
            Atomic = true,
            Timeout = 900,
        }, new ResourceOptions { DependsOn = [consulCa, bootstrap] });

        // The sidecar's view of the catalog: the region's CA and a token that may read services.
        _ = new CoreV1.Secret(this, "consul-access", new CoreV1.SecretArgs
        {
            Metadata = Meta("consul-access", Namespace),
            StringData = new Dictionary<string, Input<string>>
            {
                ["ca.pem"] = clusterCa.Certificate.CertPem,
                ["token"] = Fn.Secret<string>(secrets.ConsulAgentToken.Result),
            },
        });
        _ = new CoreV1.ConfigMap(this, "raft-peers-script", new CoreV1.ConfigMapArgs
        {
            Metadata = Meta("raft-peers-script", Namespace),
            Data = new Dictionary<string, Input<string>> { [RaftPeerDiscovery.ScriptName] = RaftPeerDiscovery.Script },
        });
        Collector(global.OtlpEndpoint);

        // NATS for the binary: the URL list (own region first) and the CA in a ConfigMap, the password in a Secret. A
        // ConfigMap, not the pod spec: when a region is added, only this changes, and pods read it at their next start.
        _ = new CoreV1.ConfigMap(this, "nats-client", new CoreV1.ConfigMapArgs
        {
            Metadata = Meta(NatsClientObject, Namespace),
            Data = new Dictionary<string, Input<string>>
            {
                [NatsUrlsItem] = JobSpecText.Splice(nats.Messaging.UrlsJson(), nats.Markers),
                [NatsCaItem] = nats.CaPem,
            },
        });
        _ = new CoreV1.Secret(this, "nats-password", new CoreV1.SecretArgs
        {
            Metadata = Meta(NatsClientObject, Namespace),
            StringData = new Dictionary<string, Input<string>> { [NatsPasswordItem] = Fn.Secret<string>(nats.Password) },
        });

        var workloads = new Dictionary<string, AppsV1.StatefulSet>(StringComparer.Ordinal);
        foreach (var service in platform.Services.Names)
            workloads[service] = Workload(service, global.Replicas[service], platform, global, consul, nats.Messaging);
        Workloads = workloads;
    }

    private static Kube.MetaV1.ObjectMeta Meta(string name, string? ns, IReadOnlyDictionary<string, Input<string>>? labels = null) => new()
    {
        Name = name,
        Namespace = ns is null ? null : (Input<string>)ns,
        Labels = labels,
    };

    private void Collector(string otlpEndpoint)
    {
        const string name = "otel-collector";
        var labels = new Dictionary<string, Input<string>> { ["app.kubernetes.io/name"] = name };
        var config = $$"""
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:{{ClusterWorkloads.CollectorPort}}
            processors:
              batch: {}
              memory_limiter:
                check_interval: 1s
                limit_percentage: 80
                spike_limit_percentage: 20
            exporters:
              otlp:
                endpoint: {{otlpEndpoint}}
            service:
              pipelines:
                traces: {receivers: [otlp], processors: [memory_limiter, batch], exporters: [otlp]}
                metrics: {receivers: [otlp], processors: [memory_limiter, batch], exporters: [otlp]}
                logs: {receivers: [otlp], processors: [memory_limiter, batch], exporters: [otlp]}
            """;
        _ = new CoreV1.ConfigMap(this, "collector-config", new CoreV1.ConfigMapArgs
        {
            Metadata = Meta($"{name}-config", Namespace),
            Data = new Dictionary<string, Input<string>> { ["config.yaml"] = config },
        });
        _ = new AppsV1.Deployment(this, "collector", new AppsV1.DeploymentArgs
        {
            Metadata = Meta(name, Namespace, labels),
            Spec = new AppsV1.DeploymentSpec
            {
                Replicas = 2,
                Selector = new Kube.MetaV1.LabelSelector { MatchLabels = labels },
                Template = new CoreV1.PodTemplateSpec
                {
                    Metadata = new Kube.MetaV1.ObjectMeta { Labels = labels },
                    Spec = new CoreV1.PodSpec
                    {
                        Containers =
                        [
                            new CoreV1.Container
                            {
                                Name = "collector",
                                Image = CollectorImage,
                                Args = ["--config=/conf/config.yaml"],
                                Ports = [new CoreV1.ContainerPort { Name = "otlp-grpc", ContainerPortValue = ClusterWorkloads.CollectorPort }],
                                Resources = Resources("100m", "256Mi", "1", "512Mi"),
                                VolumeMounts = [new CoreV1.VolumeMount { Name = "config", MountPath = "/conf", ReadOnly = true }],
                                SecurityContext = Restricted(),
                            },
                        ],
                        Volumes = [new CoreV1.Volume { Name = "config", ConfigMap = new CoreV1.ConfigMapVolumeSource { Name = $"{name}-config" } }],
                    },
                },
            },
        });
        _ = new CoreV1.Service(this, "collector-service", new CoreV1.ServiceArgs
        {
            Metadata = Meta(name, Namespace, labels),
            Spec = new CoreV1.ServiceSpec
            {
                Selector = labels,
                Ports = [new CoreV1.ServicePort { Name = "otlp-grpc", Port = ClusterWorkloads.CollectorPort, TargetPort = ClusterWorkloads.CollectorPort }],
            },
        });
    }

    private AppsV1.StatefulSet Workload(string service, int replicas, PlatformSettings platform, GlobalSettings global, Resource consul, BinaryMessaging messaging)
    {
        var labels = new Dictionary<string, Input<string>> { ["app.kubernetes.io/name"] = service, ["app.kubernetes.io/part-of"] = "platform" };
        var ports = new[] { ("http", PlatformBinary.HttpPort), ("bus", PlatformBinary.BusPort), ("raft", PlatformBinary.RaftPort) };
        _ = new CoreV1.Service(this, $"{service}-service", new CoreV1.ServiceArgs
        {
            Metadata = Meta(service, Namespace, labels),
            Spec = new CoreV1.ServiceSpec
            {
                // Headless: each pod keeps its own stable name (SERVICE-N), which is its RAFT member id.
                ClusterIP = "None",
                PublishNotReadyAddresses = true,
                Selector = labels,
                Ports = ports.Select(p => new CoreV1.ServicePort { Name = p.Item1, Port = p.Item2, TargetPort = p.Item2 }).ToList(),
            },
        });
        var launch = new BinaryLaunch
        {
            Services = [service],
            NodeId = "",
            NodeName = "",
            Peers = [],
            Environment = platform.Environment,
            Routes = platform.Routes.ToJson(),
            LogLevel = platform.LogLevel,
            OtlpEndpoint = $"http://{ClusterWorkloads.CollectorHost}:{ClusterWorkloads.CollectorPort}",
            Raft = new BinaryRaft($":{PlatformBinary.RaftPort}", PeersFile, DataDirectory),
            // The pod's own name (stable in a StatefulSet) is its node id, known only when the pod starts.
            SetAtStart = new HashSet<BinarySetting> { PlatformBinary.NodeId, PlatformBinary.NodeName },
            Messaging = messaging,
        }.Render();
        // Kubernetes expands $(VAR) in args, from the container's environment.
        var args = launch.Flags.Select(f => f
            .Replace($"${{{PlatformBinary.NodeId.Variable}}}", $"$({PlatformBinary.NodeId.Variable})", StringComparison.Ordinal)
            .Replace($"${{{PlatformBinary.NodeName.Variable}}}", $"$({PlatformBinary.NodeName.Variable})", StringComparison.Ordinal)).ToList();
        List<CoreV1.EnvVar> env =
        [
            FieldEnv(PlatformBinary.NodeId.Variable, "metadata.name"),
            FieldEnv(PlatformBinary.NodeName.Variable, "metadata.name"),
            .. launch.Environment.Select(e => e.Key == PlatformBinary.NatsUrls.Variable
                ? new CoreV1.EnvVar { Name = e.Key, ValueFrom = new CoreV1.EnvVarSource { ConfigMapKeyRef = new CoreV1.ConfigMapKeySelector { Name = NatsClientObject, Key = NatsUrlsItem } } }
                : new CoreV1.EnvVar { Name = e.Key, Value = e.Value }),
            new CoreV1.EnvVar
            {
                Name = PlatformBinary.NatsPassword.Variable,
                ValueFrom = new CoreV1.EnvVarSource { SecretKeyRef = new CoreV1.SecretKeySelector { Name = NatsClientObject, Key = NatsPasswordItem } },
            },
        ];
        var standIn = global.AppImage == StandInBinary.Image;
        var stateful = new AppsV1.StatefulSet(this, service, new AppsV1.StatefulSetArgs
        {
            Metadata = new Kube.MetaV1.ObjectMeta
            {
                Name = service,
                Namespace = Namespace,
                Labels = labels,
                // spec.replicas is the count a region starts with; afterwards kubectl scale owns the live count (ignoreChanges),
                // and the configured count is recorded here, so a change in config shows on exactly this workload.
                Annotations = new Dictionary<string, Input<string>> { [ConfiguredReplicasAnnotation] = replicas.ToString(CultureInfo.InvariantCulture) },
            },
            Spec = new AppsV1.StatefulSetSpec
            {
                Replicas = replicas,
                ServiceName = service,
                PodManagementPolicy = "Parallel",
                Selector = new Kube.MetaV1.LabelSelector { MatchLabels = labels },
                Template = new CoreV1.PodTemplateSpec
                {
                    Metadata = new Kube.MetaV1.ObjectMeta
                    {
                        Labels = labels,
                        Annotations = new Dictionary<string, Input<string>>
                        {
                            ["consul.hashicorp.com/connect-inject"] = "true",
                            ["consul.hashicorp.com/connect-service"] = service,
                            ["consul.hashicorp.com/connect-service-port"] = "http",
                            // The RAFT and bus ports are peer-to-peer between pods, not through the mesh.
                            ["consul.hashicorp.com/transparent-proxy-exclude-inbound-ports"] = $"{PlatformBinary.BusPort},{PlatformBinary.RaftPort}",
                            ["consul.hashicorp.com/transparent-proxy-exclude-outbound-ports"] = $"{PlatformBinary.BusPort},{PlatformBinary.RaftPort},{ConsulAgentConfig.HttpsPort}",
                        },
                    },
                    Spec = new CoreV1.PodSpec
                    {
                        Affinity = new CoreV1.Affinity
                        {
                            PodAntiAffinity = new CoreV1.PodAntiAffinity
                            {
                                PreferredDuringSchedulingIgnoredDuringExecution =
                                [
                                    new CoreV1.WeightedPodAffinityTerm
                                    {
                                        Weight = 100,
                                        PodAffinityTerm = new CoreV1.PodAffinityTerm
                                        {
                                            TopologyKey = "kubernetes.io/hostname",
                                            LabelSelector = new Kube.MetaV1.LabelSelector { MatchLabels = labels },
                                        },
                                    },
                                ],
                            },
                        },
                        Containers =
                        [
                            new CoreV1.Container
                            {
                                Name = "platform",
                                Image = global.AppImage,
                                Command = standIn ? StandInBinary.Entrypoint.Select(s => (Input<string>)s).ToList() : null,
                                Args = args.Select(a => (Input<string>)a).ToList(),
                                Env = env,
                                Ports = ports.Select(p => new CoreV1.ContainerPort { Name = p.Item1, ContainerPortValue = p.Item2 }).ToList(),
                                ReadinessProbe = Health(),
                                LivenessProbe = Health(),
                                Resources = Resources("250m", "256Mi", "1", "1Gi"),
                                VolumeMounts =
                                [
                                    new CoreV1.VolumeMount { Name = "data", MountPath = DataDirectory },
                                    new CoreV1.VolumeMount { Name = "raft", MountPath = PeersDirectory, ReadOnly = true },
                                    new CoreV1.VolumeMount { Name = "nats", MountPath = NatsDirectory, ReadOnly = true },
                                ],
                                SecurityContext = Restricted(),
                            },
                            new CoreV1.Container
                            {
                                Name = "raft-peers",
                                Image = RaftPeerDiscovery.Image,
                                Command = ["python3", $"/scripts/{RaftPeerDiscovery.ScriptName}"],
                                Env =
                                [
                                    FieldEnv("HOST_IP", "status.hostIP"),
                                    new CoreV1.EnvVar { Name = "CONSUL_HTTP_ADDR", Value = $"https://$(HOST_IP):{ConsulAgentConfig.HttpsPort}" },
                                    new CoreV1.EnvVar { Name = "CONSUL_CACERT", Value = "/consul/ca.pem" },
                                    new CoreV1.EnvVar { Name = "CONSUL_HTTP_TOKEN_FILE", Value = "/consul/token" },
                                    new CoreV1.EnvVar { Name = "PLATFORM_SERVICES", Value = string.Join(",", platform.Services.Names) },
                                    new CoreV1.EnvVar { Name = "RAFT_PORT", Value = PlatformBinary.RaftPort.ToString(CultureInfo.InvariantCulture) },
                                    new CoreV1.EnvVar { Name = "PEERS_FILE", Value = PeersFile },
                                ],
                                Resources = Resources("10m", "32Mi", "100m", "64Mi"),
                                VolumeMounts =
                                [
                                    new CoreV1.VolumeMount { Name = "raft", MountPath = PeersDirectory },
                                    new CoreV1.VolumeMount { Name = "scripts", MountPath = "/scripts", ReadOnly = true },
                                    new CoreV1.VolumeMount { Name = "consul-access", MountPath = "/consul", ReadOnly = true },
                                ],
                                SecurityContext = Restricted(),
                            },
                        ],
                        Volumes =
                        [
                            new CoreV1.Volume { Name = "raft", EmptyDir = new CoreV1.EmptyDirVolumeSource() },
                            new CoreV1.Volume { Name = "scripts", ConfigMap = new CoreV1.ConfigMapVolumeSource { Name = "raft-peers-script" } },
                            new CoreV1.Volume { Name = "consul-access", Secret = new CoreV1.SecretVolumeSource { SecretName = "consul-access" } },
                            new CoreV1.Volume
                            {
                                Name = "nats",
                                ConfigMap = new CoreV1.ConfigMapVolumeSource { Name = NatsClientObject, Items = [new CoreV1.KeyToPath { Key = NatsCaItem, Path = NatsCaItem }] },
                            },
                        ],
                    },
                },
                VolumeClaimTemplates =
                [
                    new CoreV1.PersistentVolumeClaim
                    {
                        Metadata = new Kube.MetaV1.ObjectMeta { Name = "data" },
                        Spec = new CoreV1.PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new CoreV1.VolumeResourceRequirements { Requests = new Dictionary<string, Input<string>> { ["storage"] = "10Gi" } },
                        },
                    },
                ],
            },
        }, new ResourceOptions { IgnoreChanges = ["spec.replicas"], DependsOn = [consul] });
        // One voluntary disruption at a time per Service; the settings check that all of them at once keep quorum.
        _ = new PolicyV1.PodDisruptionBudget(this, $"{service}-pdb", new PolicyV1.PodDisruptionBudgetArgs
        {
            Metadata = Meta(service, Namespace, labels),
            Spec = new PolicyV1.PodDisruptionBudgetSpec { MaxUnavailable = 1, Selector = new Kube.MetaV1.LabelSelector { MatchLabels = labels } },
        });
        return stateful;
    }

    private static CoreV1.EnvVar FieldEnv(string name, string path) =>
        new() { Name = name, ValueFrom = new CoreV1.EnvVarSource { FieldRef = new CoreV1.ObjectFieldSelector { FieldPath = path } } };

    private static CoreV1.Probe Health() => new()
    {
        HttpGet = new CoreV1.HTTPGetAction { Path = PlatformBinary.HealthPath, Port = "http" },
        PeriodSeconds = 10,
        TimeoutSeconds = 2,
        FailureThreshold = 3,
    };

    private static CoreV1.ResourceRequirements Resources(string cpu, string memory, string cpuLimit, string memoryLimit) => new()
    {
        Requests = new Dictionary<string, Input<string>> { ["cpu"] = cpu, ["memory"] = memory },
        Limits = new Dictionary<string, Input<string>> { ["cpu"] = cpuLimit, ["memory"] = memoryLimit },
    };

    private static CoreV1.SecurityContext Restricted() => new()
    {
        AllowPrivilegeEscalation = false,
        Privileged = false,
        Capabilities = new CoreV1.Capabilities { Drop = ["ALL"] },
    };
}
