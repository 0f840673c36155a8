using Infra.Constructs.Docker;
using Infra.Platform;
using Infra.Platform.Database;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;
using Remote = Infra.Providers.Generated.Command.Remote;

namespace Infra.Constructs.OnPrem;

public sealed record DatabaseHostProps
{
    /// <summary>The host's Docker engine; every resource of the component uses it.</summary>
    public required DockerProvider Docker { get; init; }
    public required PostgresClusterSpec Cluster { get; init; }
    /// <summary>This host's member of <see cref="Cluster"/>.</summary>
    public required ClusterMember Member { get; init; }
    public required SecretBindings Secrets { get; init; }
    /// <summary>Pinned base image (PostgreSQL) of the Patroni image built on the host.</summary>
    public required string PostgresImage { get; init; }
    /// <summary>Folder with the Patroni image's Dockerfile, relative to the project root.</summary>
    public required string PatroniBuildContext { get; init; }
    public required string EtcdImage { get; init; }
    public required int BackupIntervalHours { get; init; }
    /// <summary>Host directory mounted as the pgBackRest repository (path repositories only).</summary>
    public string? BackupHostPath { get; init; }
    /// <summary>SSH to the host, for the step that prepares <see cref="BackupHostPath"/>; required with it.</summary>
    /// <summary>Pulumi refuses to delete the data volumes while on (default): production data.</summary>
    public bool ProtectData { get; init; } = true;
    public Remote.Connection? Ssh { get; init; }
}

/// <summary>
/// One host's share of the database: an etcd member, PostgreSQL under Patroni, and the pgBackRest
/// schedule, all configured by the generators of Infra.Platform.Database. etcd and Patroni use the
/// host's network so they bind and advertise the host's fixed address.
/// </summary>
public sealed class DatabaseHost : Component
{
    /// <summary>Bump when the Dockerfile changes, so every host builds the new image.</summary>
    public const string PatroniImageRevision = "r1";

    /// <summary>The Patroni image as built on this host, for throw-away containers that need its tools (psql).</summary>
    public string PatroniImageName { get; }
    public Container Etcd { get; }
    public Container Patroni { get; }
    public Container Backup { get; }
    public Volume Data { get; }

    public DatabaseHost(Scope scope, string id, DatabaseHostProps props) : base(scope, id)
    {
        UseProvider(props.Docker);
        var stack = StackContext.Of(this);
        var spec = props.Cluster;
        var member = props.Member;
        var protect = props.ProtectData ? true : (bool?)null;

        // Volumes carry lifetime labels only: a new owner or environment must not replace them (StackIdentity.LifetimeTags).
        var volumeLabels = VolumeLabel.From(stack.LifetimeTags);
        // Production data is protected from `pulumi destroy`.
        Data = new Volume(this, "pg-data", new VolumeArgs { Name = stack.PhysicalName("pg-data"), Labels = volumeLabels },
            new ResourceOptions { Protect = protect });
        // The data volume anchors the component: the longest-lived part, so its URN never depends on the containers' types.
        DeclareAnchor(Data);
        // Only PostgreSQL's socket lives here: labelled ephemeral, so production need not protect it (policy STO-005).
        var run = new Volume(this, "pg-run", new VolumeArgs
        {
            Name = stack.PhysicalName("pg-run"),
            Labels = VolumeLabel.From([.. stack.LifetimeTags, new("ephemeral", "true")]),
        });
        var etcdData = new Volume(this, "etcd-data", new VolumeArgs { Name = stack.PhysicalName("etcd-data"), Labels = volumeLabels },
            new ResourceOptions { Protect = protect });

        var etcdImage = new RemoteImage(this, "etcd-image", new RemoteImageArgs { Name = props.EtcdImage, KeepLocally = true });
        var patroniImageName = PatroniImageName = $"infra-patroni:{ImageTag(props.PostgresImage)}-{PatroniImageRevision}";
        var patroniImage = new RemoteImage(this, "patroni-image", new RemoteImageArgs
        {
            Name = patroniImageName,
            KeepLocally = true,
            Build = new RemoteImageBuild
            {
                Context = props.PatroniBuildContext,
                BuildArgs = new Dictionary<string, Input<string>> { ["BASE_IMAGE"] = props.PostgresImage },
            },
        });

        Etcd = new ServiceContainer(this, "etcd", new ServiceContainerProps
        {
            Image = etcdImage.ImageId,
            Name = stack.PhysicalName("etcd"),
            Entrypoint = ["/usr/local/bin/etcd"],
            Command = ["--config-file", member.Paths.EtcdConfigFile],
            HostNetwork = true,
            Volumes = [new ContainerVolume { VolumeName = etcdData.VolumeName, ContainerPath = member.Paths.EtcdData }],
            Uploads = [new ContainerUpload { File = member.Paths.EtcdConfigFile, Content = EtcdConfig.For(spec, member) }],
            HealthCheck = new ContainerHealthcheck
            {
                Tests = ["CMD", "/usr/local/bin/etcdctl", $"--endpoints={member.EtcdClientUrl}", "endpoint", "health"],
                Interval = "10s",
                Timeout = "5s",
                Retries = 6,
            },
            // No waiting: a member is healthy only once a quorum of hosts runs, which one host cannot wait for.
        }).Container;

        var dataVolumes = new List<ContainerVolume>
        {
            new() { VolumeName = Data.VolumeName, ContainerPath = System.IO.Path.GetDirectoryName(member.Paths.PostgresData)! },
            new() { VolumeName = run.VolumeName, ContainerPath = member.Paths.Run },
        };
        List<Resource> repositoryReady = [];
        if (props.BackupHostPath is { } repo)
        {
            dataVolumes.Add(new ContainerVolume { HostPath = repo, ContainerPath = repo });
            // Docker would create a missing mount source owned by root, where pgBackRest cannot archive (and WAL
            // then fills the disk): the directory is prepared first, or the deployment stops saying why.
            repositoryReady.Add(new Remote.Command(this, "backup-dir", new Remote.CommandArgs
            {
                Connection = props.Ssh ?? throw new ArgumentException($"{nameof(DatabaseHostProps.Ssh)} is required with {nameof(DatabaseHostProps.BackupHostPath)}."),
                Create = BackupDirectorySetup.HostCommand(patroniImageName, repo),
                Stdin = BackupDirectorySetup.Script(repo, $"{member.Name} ({member.HostText})"),
            }, new ResourceOptions { DependsOn = [patroniImage] }));
        }
        var pgBackRestConfig = new ContainerUpload
        {
            File = member.Paths.PgBackRestConfigFile,
            Content = props.Secrets.Render(PgBackRestConfig.For(spec, member)),
        };

        Patroni = new ServiceContainer(this, "patroni", new ServiceContainerProps
        {
            Image = patroniImage.ImageId,
            Name = stack.PhysicalName("patroni"),
            Command = [member.Paths.PatroniConfigFile],
            HostNetwork = true,
            Volumes = dataVolumes,
            Uploads =
            [
                new ContainerUpload { File = member.Paths.PatroniConfigFile, Content = props.Secrets.Render(PatroniConfig.For(spec, member)) },
                new ContainerUpload { File = member.Paths.PostBootstrapScript, Content = props.Secrets.Render(PostBootstrapScript.For(spec)) },
                pgBackRestConfig,
            ],
            HealthCheck = new ContainerHealthcheck
            {
                Tests = ["CMD", "python3", "-c", $"import urllib.request; urllib.request.urlopen('{member.PatroniRestUrl}/liveness', timeout=3)"],
                Interval = "10s",
                Timeout = "5s",
                StartPeriod = "30s",
                Retries = 6,
            },
            WaitHealthySeconds = 300,
            // Patroni stops PostgreSQL cleanly (and hands over leadership) if given the time.
            StopTimeoutSeconds = 120,
            User = "postgres",
        }, new ResourceOptions { DependsOn = [Etcd, .. repositoryReady] }).Container;

        Backup = new ServiceContainer(this, "backup", new ServiceContainerProps
        {
            Image = patroniImage.ImageId,
            Name = stack.PhysicalName("backup"),
            Entrypoint = ["/bin/sh", member.Paths.BackupScheduleScript],
            Volumes = dataVolumes,
            Uploads =
            [
                new ContainerUpload { File = member.Paths.BackupScheduleScript, Content = BackupScheduleScript.For(spec, member, props.BackupIntervalHours) },
                pgBackRestConfig,
            ],
            // Healthy while the local PostgreSQL answers on the socket the schedule backs up through (policy HYG-006).
            HealthCheck = new ContainerHealthcheck
            {
                Tests = ["CMD", System.IO.Path.Combine(spec.PostgresBinDir, "pg_isready"), "-q", "-h", member.Paths.Run,
                    "-p", member.Ports.Postgres.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                Interval = "30s",
                Timeout = "5s",
                StartPeriod = "60s",
                Retries = 3,
            },
            User = "postgres",
        }, new ResourceOptions { DependsOn = [Patroni, .. repositoryReady] }).Container;
    }

    /// <summary>The base image's tag, for the built image's name: postgres:17.2-bookworm gives 17.2-bookworm.</summary>
    private static string ImageTag(string image)
    {
        var name = image.Split('@')[0];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? name[(colon + 1)..] : "digest";
    }
}
