namespace Infra.Policies;

/// <summary>
/// Every rule of the policy pack, listed by hand: the compiler runs natively, where an assembly cannot be
/// searched for its types. A new rule is its file plus one line here; a test fails, naming the class, when a
/// concrete <see cref="Policy"/> of this assembly is missing (order does not matter: the pack sorts by id).
/// </summary>
internal static class PolicyCatalog
{
    public static IEnumerable<Policy> Create() =>
    [
        new Cloud.AwsNamesAccepted(),
        new Cloud.AwsTagsAccepted(),
        new Cloud.AwsTextFieldsAccepted(),
        new Cloud.CertificatesAccepted(),
        new Cloud.DnsRecordsAccepted(),
        new Cloud.DockerContainersAccepted(),
        new Cloud.DockerNamesAccepted(),
        new Cloud.EbsVolumesAccepted(),
        new Cloud.ListenerRulesAccepted(),
        new Cloud.LogGroupsAccepted(),
        new Cloud.PrivateAddressesInSubnets(),
        new Cloud.SecurityGroupQuotas(),
        new Cloud.TargetGroupsAccepted(),
        new Cloud.UserDataSize(),
        new Cloud.VpcCidrsAccepted(),
        new Compute.ContainerNotPrivileged(),
        new Compute.EbsEncrypted(),
        new Compute.Imdsv2Required(),
        new Compute.InstanceTypeAllowed(),
        new Compute.NoPublicIpOnServers(),
        new Edge.AccessLogsOn(),
        new Edge.DeletionProtection(),
        new Edge.DropInvalidHeaders(),
        new Edge.HttpOnlyRedirects(),
        new Edge.HttpsListenerPresent(),
        new Edge.HttpsWithModernTls(),
        new Hygiene.ContainerHealthCheck(),
        new Hygiene.ContainerMemoryLimit(),
        new Hygiene.ContainerRestartPolicy(),
        new Hygiene.DevExpiryTag(),
        new Hygiene.ImagesPinned(),
        new Hygiene.NoPlainSecrets(),
        new Hygiene.ProvidersPinned(),
        new Hygiene.RequiredTags(),
        new Network.AdminIngressOnlyToBastion(),
        new Network.DefaultSecurityGroupClosed(),
        new Network.ExplicitEgress(),
        new Network.LaptopPortsOnLoopback(),
        new Network.NoPublicDatabasePorts(),
        new Network.NoUnrestrictedEgress(),
        new Network.NoWorldAdminIngress(),
        new Network.ServersInPrivateSubnets(),
        new Network.VpcFlowLogs(),
        new Platform.CanonicalIngressRoutes(),
        new Platform.DatabasePerService(),
        new Platform.ExplicitServices(),
        new Storage.BucketAclPrivate(),
        new Storage.BucketEncrypted(),
        new Storage.BucketPublicAccessBlocked(),
        new Storage.DataVolumesSnapshotted(),
        new Storage.LifetimeLabelsOnly(),
        new Storage.ProductionDataRetained(),
    ];
}
