using System.Globalization;
using Infra.Constructs.Docker;
using Infra.Constructs.OnPrem;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Database;
using Infra.Platform.Placement;
using Infra.Providers.Generated;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;
using static Infra.Providers.Generated.Random;

namespace Infra.Stacks.OnPrem3;

/// <summary>
/// The onprem3 tier: three on-prem hosts driven over SSH, each running the platform binary with every
/// Service, an etcd member and a Patroni-managed PostgreSQL (synchronous replication, automatic
/// failover) and a pgBackRest schedule. DNS is manual: the stack outputs the records to create.
/// </summary>
public sealed class OnPrem3Tier : ITier
{
    /// <summary>The Patroni image's build context, relative to the project root (where Pulumi runs the compiler).</summary>
    public const string PatroniBuildContext = "stacks/onprem3/images/patroni";

    public Tier Tier => Tier.OnPrem3;

    public IReadOnlyList<ConfigKey> Keys { get; } = [.. CommonKeys.All, .. OnPrem3Keys.All];

    public StackIdentity Build(Blueprint blueprint, ConfigReader config)
    {
        var platform = PlatformSettings.Read(config);
        var onprem = OnPrem3Settings.Read(config);
        config.CheckUnknownKeys();
        config.ThrowIfInvalid();

        var stack = new StackIdentity(config.Stack, Tier, platform);
        // Every construct below reads its stack from the tree.
        blueprint.SetContext(stack);
        blueprint.UseProvider(new RandomProvider(blueprint, "random"));
        // Commands over SSH: the Service databases step, and the backup directory of a path repository.
        blueprint.UseProvider(new Command.CommandProvider(blueprint, "command"));
        var secrets = new DatabaseSecrets(blueprint, "db-secrets");

        var servers = PlacementPlanner.AllOnEach(OnPrem3Settings.HostCount, platform.Services)
            .Select((server, i) => server with { Address = onprem.Hosts[i] })
            .ToList();
        var spec = ClusterSpec(stack, onprem, servers, platform, secrets);
        var connectionStrings = platform.Services.Services.ToDictionary(
            s => s.Name, s => ConnectionString.ReadWrite(spec, s.Database));

        var hosts = new List<(Server Server, DockerProvider Docker, DatabaseHost Db, Command.Remote.Connection Ssh)>();
        foreach (var (server, member) in servers.Zip(spec.Members))
        {
            // One explicit Docker provider per host: every resource of the host names it.
            var docker = new DockerProvider(blueprint, $"docker-{server.Name}", new DockerProviderArgs
            {
                Host = $"ssh://{onprem.SshUser}@{member.HostText}:{onprem.SshPort}",
                SshOpts = ["-o", "BatchMode=yes", "-o", "ConnectTimeout=15"],
            });
            var ssh = new Command.Remote.Connection
            {
                Host = member.Address,
                Port = onprem.SshPort,
                User = onprem.SshUser,
                PerDialTimeout = 15,
            };
            var db = new DatabaseHost(blueprint, $"{server.Name}-db", new DatabaseHostProps
            {
                Docker = docker,
                Cluster = spec,
                Member = member,
                Secrets = secrets.Bindings,
                PostgresImage = onprem.PostgresImage,
                PatroniBuildContext = PatroniBuildContext,
                EtcdImage = onprem.EtcdImage,
                BackupIntervalHours = onprem.Backup.IntervalHours,
                BackupHostPath = onprem.Backup.IsS3 ? null : onprem.Backup.Path,
                ProtectData = platform.IsProduction,
                Ssh = ssh,
            });
            hosts.Add((server, docker, db, ssh));
        }

        // The Service databases live in the cluster, not in any one container: one idempotent step, run from the
        // first host once every Patroni member is up, creates those that are missing on whichever member is primary.
        // It reruns when the Service list changes; Patroni's configuration never names a Service.
        var serviceDatabases = new Command.Remote.Command(blueprint, "db-service-databases", new Command.Remote.CommandArgs
        {
            Connection = hosts[0].Ssh,
            Create = ServiceDatabasesScript.HostCommand(hosts[0].Db.PatroniImageName),
            Stdin = secrets.Bindings.Render(ServiceDatabasesScript.For(spec)),
        }, new ResourceOptions { DependsOn = hosts.Select(h => (Resource)h.Db.Patroni).ToList() });

        foreach (var (server, docker, db, _) in hosts)
        {
            _ = new PlatformContainer(blueprint, $"{server.Name}-app", new PlatformContainerProps
            {
                Docker = docker,
                Server = server,
                ContainerName = stack.PhysicalName("app"),
                Peers = servers.Where(s => s != server).Select(s => $"{Bracketed(s.Address!)}:{PlatformBinary.BusPort}").ToList(),
                Image = onprem.AppImage,
                Entrypoint = onprem.AppEntrypoint,
                HealthCheck = StandInBinary.HealthCheck,
                Database = ClusterDatabaseEnvironment.Database(server, spec.Members.Select(m => m.Address).ToList(),
                    onprem.Ports.Db, ClusterCredentials.AppUser),
                SecretEnvironment = ClusterDatabaseEnvironment.Secrets(server, spec.Credentials.AppPassword, connectionStrings, secrets.Bindings),
                // Its databases must exist before the binary connects to them.
                DependsOn = [db.Patroni, serviceDatabases],
            });
        }

        blueprint.Output("dnsRecords", DnsRecords(onprem, servers, platform));
        blueprint.Output("hostRoles", HostRoles(servers, spec, onprem));
        blueprint.Output("appUrls", servers.Select(s => $"http://{Bracketed(s.Address!)}:{PlatformBinary.HttpPort}").ToList());
        blueprint.Output("patroniClusterUrl", $"{spec.Members[0].PatroniRestUrl}/cluster");
        blueprint.Output("dbConnectionStrings", connectionStrings.ToDictionary(c => c.Key, c => secrets.Bindings.Render(c.Value)));
        blueprint.Output("databases", platform.Services.Services.ToDictionary(s => s.Name, s => s.Database));
        blueprint.Output("backupRepository", onprem.Backup.IsS3
            ? $"s3://{onprem.Backup.S3Bucket}{onprem.Backup.Path} at {onprem.Backup.S3Endpoint}"
            : $"{onprem.Backup.Path} (must be one directory shared by the three hosts)");
        blueprint.Output("services", platform.Services.Names.ToList());
        blueprint.Output("ingressRoutes", platform.Routes.ToJson());
        return stack;
    }

    private static PostgresClusterSpec ClusterSpec(StackIdentity stack, OnPrem3Settings onprem, IReadOnlyList<Server> servers,
        PlatformSettings platform, DatabaseSecrets secrets)
    {
        var ports = new MemberPorts(onprem.Ports.Db, onprem.Ports.Patroni, onprem.Ports.EtcdClient, onprem.Ports.EtcdPeer);
        // The data directory is a folder inside the volume: initdb wants an empty directory it owns.
        var paths = new MemberPaths(PostgresData: "/var/lib/postgresql/data/pgdata");
        BackupRepository repository = onprem.Backup.IsS3
            ? new S3Repository(onprem.Backup.S3Bucket!, onprem.Backup.S3Endpoint!, onprem.Backup.S3Region!,
                Credential.Placeholder("backup-s3-access-key"), Credential.Placeholder("backup-s3-secret-key"), onprem.Backup.Path)
            : new PathRepository(onprem.Backup.Path);
        repository = repository with { RetentionFull = onprem.Backup.RetentionFull };
        if (onprem.Backup.IsS3)
        {
            // Secret config, referenced by key: Pulumi keeps the value secret end to end.
            secrets.Bindings.Bind("backup-s3-access-key",
                secrets.Blueprint.DeclareConfig<string>(OnPrem3Keys.BackupS3AccessKey.Name, ConfigType.String, secret: true));
            secrets.Bindings.Bind("backup-s3-secret-key",
                secrets.Blueprint.DeclareConfig<string>(OnPrem3Keys.BackupS3SecretKey.Name, ConfigType.String, secret: true));
        }
        try
        {
            return new PostgresClusterSpec(
                ClusterName(stack.Stack),
                servers.Select(s => new ClusterMember(s.Name, s.Address!, ports, paths)).ToList(),
                platform.Services.Services.Select(s => s.Database).ToList(),
                secrets.Credentials,
                repository)
            {
                PostgresBinDir = $"/usr/lib/postgresql/{onprem.PostgresMajor}/bin",
            }.Validate();
        }
        catch (DatabaseConfigException e)
        {
            throw new SynthesisException($"Stack '{stack.Stack}': the database cluster cannot be configured: {e.Message}");
        }
    }

    /// <summary>A Patroni scope / pgBackRest stanza from the stack name: lower-case letters, digits and '-'.</summary>
    private static string ClusterName(string stack)
    {
        var name = new string(stack.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) name = "db-" + name;
        return name.Length > 60 ? name[..60].TrimEnd('-') : name;
    }

    /// <summary>The records an operator creates: one per server, and each ingress host on all three servers.</summary>
    private static List<Dictionary<string, object>> DnsRecords(OnPrem3Settings onprem, IReadOnlyList<Server> servers, PlatformSettings platform)
    {
        var records = servers.Select(s => Record($"{s.Name}.{onprem.DnsZone}", s.Address!)).ToList();
        foreach (var host in platform.Routes.Routes.Select(r => r.Host).Distinct().Order(StringComparer.Ordinal))
            records.AddRange(servers.Select(s => Record($"{host}.{onprem.DnsZone}", s.Address!)));
        return records;
    }

    private static Dictionary<string, object> Record(string name, string address) => new()
    {
        ["name"] = name,
        ["type"] = HostAddress.RecordType(address),
        ["value"] = address,
        ["ttl"] = 300,
    };

    private static Dictionary<string, object> HostRoles(IReadOnlyList<Server> servers, PostgresClusterSpec spec, OnPrem3Settings onprem) =>
        servers.Zip(spec.Members).ToDictionary(p => p.First.Address!, p => (object)new Dictionary<string, object>
        {
            ["server"] = p.First.Name,
            ["services"] = p.First.Services.Names.ToList(),
            ["containers"] = new List<string> { "app", "etcd", "patroni", "backup" },
            ["database"] = "Patroni member: the primary is elected at run time; ask " + $"{p.Second.PatroniRestUrl}/cluster",
            ["ports"] = new Dictionary<string, object>
            {
                ["http"] = PlatformBinary.HttpPort,
                ["bus"] = PlatformBinary.BusPort,
                ["postgres"] = onprem.Ports.Db,
                ["patroni"] = onprem.Ports.Patroni,
                ["etcdClient"] = onprem.Ports.EtcdClient,
                ["etcdPeer"] = onprem.Ports.EtcdPeer,
            },
        });

    private static string Bracketed(string address) => address.Contains(':') ? $"[{address}]" : address;
}
