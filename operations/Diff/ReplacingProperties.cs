using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// The curated list of properties whose change replaces a resource, for every resource type the tiers
/// emit, each with its source. The reference schemas (<c>../shared/schemas</c>) are reduced to names and
/// types and carry no replacement markers, so the facts come from the providers themselves:
/// <list type="bullet">
/// <item>docker: the provider schema's <c>willReplaceOnChanges</c> markers, which Pulumi YAML hands to the engine as
/// <c>replaceOnChanges</c> (pulumi-yaml pkg/pulumiyaml/run.go); read from pulumi-docker
/// provider/cmd/pulumi-resource-docker/schema.json at 237b789 (upstream terraform-provider-docker v4.5.0);</item>
/// <item>aws and random: the upstream Terraform resource (<c>ForceNew</c> / <c>RequiresReplace</c>), which the bridge turns into a replacement.</item>
/// </list>
/// A type that is not listed is assumed to update in place; <c>options.replaceOnChanges</c> in the program adds to this list.
/// The docker lists, and the aws_instance, aws_ebs_volume and aws_route53_record entries, were read from the
/// provider sources named; the other entries follow those resources' <c>ForceNew</c> arguments and are worth
/// re-reading when a provider's major version changes (the pins live in <c>../shared/schemas/versions.json</c>).
/// </summary>
public static class ReplacingProperties
{
    private const string DockerSchema =
        "pulumi-docker schema.json: willReplaceOnChanges";

    private static string TfAws(string resource, string file) => $"terraform-provider-aws {resource} ({file}): ForceNew";

    private static string TfAwsEveryArgument(string resource, string file) =>
        $"terraform-provider-aws {resource} ({file}): every argument ForceNew (no update)";

    private static ReplacementRule[] Rules(string type, string source, params string[] properties) =>
        [.. properties.Select(property => new ReplacementRule(type, property, source))];

    private static ReplacementRule EveryInput(string type, string source, params string[] except) =>
        new(type, ReplacementRule.EveryInput, source, except);

    private const string KubernetesReplace =
        "pulumi-kubernetes (provider/pkg/provider/provider.go forceNewProperties): a new name or namespace, or an immutable field, replaces the object";

    private const string Instance = "aws:ec2/instance:Instance";
    private const string UserDataSource =
        "terraform-provider-aws aws_instance (internal/service/ec2/ec2_instance.go): ForceNewIf user_data_replace_on_change";
    private const string InstanceFile = "internal/service/ec2/ec2_instance.go";

    public static IReadOnlyList<ReplacementRule> All { get; } =
    [
        // --- docker (pulumi-docker 5.2.0): containers are recreated for nearly any change. ---
        EveryInput("docker:index/container:Container", DockerSchema,
            "attach", "containerReadRefreshTimeoutMilliseconds", "cpuPeriod", "cpuQuota", "cpuSet", "cpuShares",
            "destroyGraceSeconds", "deviceReadBps", "deviceReadIops", "deviceWriteBps", "deviceWriteIops", "healthcheck",
            "init", "logs", "maxRetryCount", "memory", "memoryReservation", "memorySwap", "mustRun", "removeVolumes",
            "restart", "rm", "start", "tmpfs", "wait", "waitTimeout"),
        EveryInput("docker:index/volume:Volume", DockerSchema, "cluster"),
        EveryInput("docker:index/network:Network", DockerSchema),
        .. Rules("docker:index/remoteImage:RemoteImage", DockerSchema, "name", "platform", "pullTriggers", "triggers"),

        // --- random ---
        EveryInput("random:index/randomPassword:RandomPassword",
            "terraform-provider-random random_password (internal/provider/resource_password.go): every attribute RequiresReplace"),

        // --- aws: compute ---
        .. Rules(Instance, TfAws("aws_instance", InstanceFile),
            "ami", "associatePublicIpAddress", "availabilityZone", "subnetId", "privateIp", "keyName", "launchTemplate.id",
            "launchTemplate.name", "launchTemplate.version", "placementGroup", "tenancy", "hostId", "securityGroups",
            "ipv6Addresses", "ipv6AddressCount", "cpuOptions", "hibernation", "ebsBlockDevices", "ephemeralBlockDevices",
            "rootBlockDevice.encrypted", "rootBlockDevice.kmsKeyId", "networkInterfaces", "privateDnsNameOptions"),
        new(Instance, "userData", UserDataSource,
            Condition: properties => IsTrue(properties, "userDataReplaceOnChange"),
            ConditionText: "only because userDataReplaceOnChange is true (otherwise the instance is stopped and updated)"),
        new(Instance, "userDataBase64", UserDataSource,
            Condition: properties => IsTrue(properties, "userDataReplaceOnChange"),
            ConditionText: "only because userDataReplaceOnChange is true (otherwise the instance is stopped and updated)"),
        .. Rules("aws:ebs/volume:Volume", TfAws("aws_ebs_volume", "internal/service/ec2/ebs_volume.go"),
            "availabilityZone", "encrypted", "kmsKeyId", "multiAttachEnabled", "outpostArn", "snapshotId"),
        .. Rules("aws:ec2/volumeAttachment:VolumeAttachment", TfAws("aws_volume_attachment", "internal/service/ec2/ec2_volume_attachment.go"),
            "deviceName", "instanceId", "volumeId"),
        .. Rules("aws:ec2/launchTemplate:LaunchTemplate", TfAws("aws_launch_template", "internal/service/ec2/ec2_launch_template.go"),
            "name", "namePrefix"),
        .. Rules("aws:ec2/eip:Eip", TfAws("aws_eip", "internal/service/ec2/ec2_eip.go"),
            "domain", "address", "publicIpv4Pool", "customerOwnedIpv4Pool", "networkBorderGroup"),

        // --- aws: network ---
        .. Rules("aws:ec2/vpc:Vpc", TfAws("aws_vpc", "internal/service/ec2/vpc_.go"), "cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength"),
        .. Rules("aws:ec2/subnet:Subnet", TfAws("aws_subnet", "internal/service/ec2/vpc_subnet.go"),
            "vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId", "outpostArn"),
        EveryInput("aws:ec2/subnetCidrReservation:SubnetCidrReservation",
            TfAwsEveryArgument("aws_ec2_subnet_cidr_reservation", "internal/service/ec2/vpc_subnet_cidr_reservation.go")),
        .. Rules("aws:ec2/securityGroup:SecurityGroup", TfAws("aws_security_group", "internal/service/ec2/vpc_security_group.go"),
            "name", "namePrefix", "description", "vpcId"),
        .. Rules("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
            TfAws("aws_default_security_group", "internal/service/ec2/vpc_default_security_group.go"), "vpcId"),
        .. Rules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "terraform-provider-aws aws_vpc_security_group_ingress_rule (internal/service/ec2/vpc_security_group_ingress_rule.go): RequiresReplace",
            "securityGroupId"),
        .. Rules("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            "terraform-provider-aws aws_vpc_security_group_egress_rule (internal/service/ec2/vpc_security_group_egress_rule.go): RequiresReplace",
            "securityGroupId"),
        .. Rules("aws:ec2/routeTable:RouteTable", TfAws("aws_route_table", "internal/service/ec2/vpc_route_table.go"), "vpcId"),
        .. Rules("aws:ec2/route:Route", TfAws("aws_route", "internal/service/ec2/vpc_route.go"),
            "routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId"),
        .. Rules("aws:ec2/routeTableAssociation:RouteTableAssociation",
            TfAws("aws_route_table_association", "internal/service/ec2/vpc_route_table_association.go"), "subnetId", "gatewayId"),
        .. Rules("aws:ec2/natGateway:NatGateway", TfAws("aws_nat_gateway", "internal/service/ec2/vpc_nat_gateway.go"),
            "allocationId", "subnetId", "connectivityType", "privateIp"),
        .. Rules("aws:ec2/vpcEndpoint:VpcEndpoint", TfAws("aws_vpc_endpoint", "internal/service/ec2/vpc_endpoint.go"),
            "vpcId", "serviceName", "vpcEndpointType"),
        EveryInput("aws:ec2/flowLog:FlowLog", TfAws("aws_flow_log", "internal/service/ec2/vpc_flow_log.go") + " on every argument but tags", "tags"),

        // --- aws: load balancing, certificates, DNS ---
        .. Rules("aws:lb/loadBalancer:LoadBalancer", TfAws("aws_lb", "internal/service/elbv2/load_balancer.go"),
            "name", "namePrefix", "internal", "loadBalancerType"),
        .. Rules("aws:lb/targetGroup:TargetGroup", TfAws("aws_lb_target_group", "internal/service/elbv2/target_group.go"),
            "name", "namePrefix", "port", "protocol", "protocolVersion", "vpcId", "targetType", "ipAddressType"),
        EveryInput("aws:lb/targetGroupAttachment:TargetGroupAttachment",
            TfAwsEveryArgument("aws_lb_target_group_attachment", "internal/service/elbv2/target_group_attachment.go")),
        .. Rules("aws:lb/listener:Listener", TfAws("aws_lb_listener", "internal/service/elbv2/listener.go"), "loadBalancerArn"),
        // Priority, actions and conditions update in place; only the listener forces a new rule.
        .. Rules("aws:lb/listenerRule:ListenerRule", TfAws("aws_lb_listener_rule", "internal/service/elbv2/listener_rule.go"), "listenerArn"),
        .. Rules("aws:acm/certificate:Certificate", TfAws("aws_acm_certificate", "internal/service/acm/certificate.go"),
            "domainName", "subjectAlternativeNames", "keyAlgorithm", "certificateAuthorityArn"),
        EveryInput("aws:acm/certificateValidation:CertificateValidation",
            TfAwsEveryArgument("aws_acm_certificate_validation", "internal/service/acm/certificate_validation.go")),
        .. Rules("aws:route53/record:Record", TfAws("aws_route53_record", "internal/service/route53/record.go"), "zoneId", "name"),
        .. Rules("cloudflare:index/dnsRecord:DnsRecord",
            "terraform-provider-cloudflare cloudflare_dns_record (internal/services/dns_record/schema.go): RequiresReplace", "zoneId"),

        // --- aws: storage, logs, identity ---
        .. Rules("aws:s3/bucket:Bucket", TfAws("aws_s3_bucket", "internal/service/s3/bucket.go"), "bucket", "bucketPrefix", "objectLockEnabled"),
        .. Rules("aws:s3/bucketPolicy:BucketPolicy", TfAws("aws_s3_bucket_policy", "internal/service/s3/bucket_policy.go"), "bucket"),
        .. Rules("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            TfAws("aws_s3_bucket_public_access_block", "internal/service/s3/bucket_public_access_block.go"), "bucket"),
        .. Rules("aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            TfAws("aws_s3_bucket_ownership_controls", "internal/service/s3/bucket_ownership_controls.go"), "bucket"),
        .. Rules("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            TfAws("aws_s3_bucket_server_side_encryption_configuration", "internal/service/s3/bucket_server_side_encryption_configuration.go"),
            "bucket", "expectedBucketOwner"),
        .. Rules("aws:cloudwatch/logGroup:LogGroup", TfAws("aws_cloudwatch_log_group", "internal/service/logs/group.go"), "name", "namePrefix"),
        .. Rules("aws:iam/role:Role", TfAws("aws_iam_role", "internal/service/iam/role.go"), "name", "namePrefix", "path"),
        .. Rules("aws:iam/instanceProfile:InstanceProfile", TfAws("aws_iam_instance_profile", "internal/service/iam/instance_profile.go"),
            "name", "namePrefix", "path"),
        .. Rules("aws:iam/rolePolicy:RolePolicy", TfAws("aws_iam_role_policy", "internal/service/iam/role_policy.go"), "name", "namePrefix", "role"),
        .. Rules("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            TfAws("aws_iam_role_policy_attachment", "internal/service/iam/role_policy_attachment.go"), "role", "policyArn"),

        // --- types the global tier will emit (generated from the allow-list); upstream ForceNew arguments, worth
        // re-reading against the sources before that tier ships ---
        .. Rules("aws:autoscaling/group:Group", TfAws("aws_autoscaling_group", "internal/service/autoscaling/group.go"), "name", "namePrefix"),
        .. Rules("aws:autoscaling/attachment:Attachment", TfAws("aws_autoscaling_attachment", "internal/service/autoscaling/attachment.go"),
            "autoscalingGroupName", "elb", "lbTargetGroupArn"),
        .. Rules("aws:autoscaling/lifecycleHook:LifecycleHook", TfAws("aws_autoscaling_lifecycle_hook", "internal/service/autoscaling/lifecycle_hook.go"),
            "name", "autoscalingGroupName"),
        EveryInput("aws:ec2/securityGroupRule:SecurityGroupRule",
            TfAws("aws_security_group_rule", "internal/service/ec2/vpc_security_group_rule.go") + " on every argument but description", "description"),
        .. Rules("aws:iam/policy:Policy", TfAws("aws_iam_policy", "internal/service/iam/policy.go"), "name", "namePrefix", "path", "description"),
        EveryInput("aws:lb/listenerCertificate:ListenerCertificate",
            TfAwsEveryArgument("aws_lb_listener_certificate", "internal/service/elbv2/listener_certificate.go")),
        .. Rules("cloudflare:index/loadBalancer:LoadBalancer", "terraform-provider-cloudflare cloudflare_load_balancer: zone_id RequiresReplace", "zoneId"),
        .. Rules("cloudflare:index/loadBalancerPool:LoadBalancerPool", "terraform-provider-cloudflare cloudflare_load_balancer_pool: account_id RequiresReplace", "accountId"),
        .. Rules("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", "terraform-provider-cloudflare cloudflare_load_balancer_monitor: account_id RequiresReplace", "accountId"),
        // --- the global tier ---
        .. Rules("aws:ssm/parameter:Parameter", TfAws("aws_ssm_parameter", "internal/service/ssm/parameter.go"), "name", "dataType"),
        .. Rules("consul:index/configEntry:ConfigEntry", "terraform-provider-consul consul_config_entry (consul/resource_consul_config_entry.go): ForceNew",
            "kind", "name", "namespace", "partition"),
        .. Rules("nomad:index/variable:Variable", "terraform-provider-nomad nomad_variable (nomad/resource_variable.go): ForceNew", "path", "namespace"),
        EveryInput("random:index/randomBytes:RandomBytes", "terraform-provider-random random_bytes (internal/provider/resource_bytes.go): every attribute RequiresReplace"),
        EveryInput("random:index/randomUuid:RandomUuid", "terraform-provider-random random_uuid (internal/provider/resource_uuid.go): keepers RequiresReplace"),
        EveryInput("tls:index/privateKey:PrivateKey", "terraform-provider-tls tls_private_key (internal/provider/resource_private_key.go): every attribute RequiresReplace"),
        EveryInput("tls:index/certRequest:CertRequest", "terraform-provider-tls tls_cert_request (internal/provider/resource_cert_request.go): every attribute RequiresReplace"),
        EveryInput("tls:index/selfSignedCert:SelfSignedCert", "terraform-provider-tls tls_self_signed_cert (internal/provider/resource_self_signed_cert.go): every attribute RequiresReplace"),
        EveryInput("tls:index/locallySignedCert:LocallySignedCert",
            "terraform-provider-tls tls_locally_signed_cert (internal/provider/resource_locally_signed_cert.go): every attribute RequiresReplace"),
        // pulumi-kubernetes: a new name or namespace is a new object; immutable spec fields (the API server refuses an update) replace.
        .. Rules("kubernetes:core/v1:Namespace", KubernetesReplace, "metadata.name"),
        .. Rules("kubernetes:core/v1:ConfigMap", KubernetesReplace, "metadata.name", "metadata.namespace"),
        .. Rules("kubernetes:core/v1:Secret", KubernetesReplace, "metadata.name", "metadata.namespace", "type"),
        .. Rules("kubernetes:core/v1:Service", KubernetesReplace, "metadata.name", "metadata.namespace", "spec.clusterIP"),
        .. Rules("kubernetes:apps/v1:Deployment", KubernetesReplace, "metadata.name", "metadata.namespace", "spec.selector"),
        .. Rules("kubernetes:apps/v1:StatefulSet", KubernetesReplace, "metadata.name", "metadata.namespace", "spec.selector", "spec.serviceName",
            "spec.volumeClaimTemplates", "spec.podManagementPolicy"),
        .. Rules("kubernetes:policy/v1:PodDisruptionBudget", KubernetesReplace, "metadata.name", "metadata.namespace"),
        .. Rules("kubernetes:helm.sh/v3:Release", "pulumi-kubernetes helm.sh/v3 Release (provider/pkg/provider/helm_release.go): ForceNew", "name", "namespace"),
        // pulumi-command 1.2.1: a changed input runs the update (or create) command in place; triggers replace.
        .. Rules("command:local:Command", "pulumi-command 1.2.1 local.Command: triggers replace; other inputs run update (or create) in place", "triggers"),
        .. Rules("command:remote:Command", "pulumi-command 1.2.1 remote.Command: triggers replace; other inputs run update (or create) in place", "triggers"),
    ];

    /// <summary>
    /// Types checked and found to update every input in place, so they have no rule; a type that is in
    /// neither list has not been reviewed yet (a test lists those the tiers emit).
    /// </summary>
    public static IReadOnlyDictionary<string, string> UpdatedInPlace { get; } = new Dictionary<string, string>
    {
        ["aws:ec2/internetGateway:InternetGateway"] = "terraform-provider-aws aws_internet_gateway (internal/service/ec2/vpc_internet_gateway.go): vpc_id is attached and detached in place",
        ["aws:dlm/lifecyclePolicy:LifecyclePolicy"] = "terraform-provider-aws aws_dlm_lifecycle_policy (internal/service/dlm/lifecycle_policy.go): UpdateLifecyclePolicy",
        ["pulumi:providers:aws"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:docker"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:random"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:cloudflare"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:command"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:tls"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:nomad"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:consul"] = "a provider's configuration is updated; resources keep their provider reference",
        ["pulumi:providers:kubernetes"] = "a provider's configuration is updated (a new kubeconfig for the same cluster keeps its resources)",
        ["nomad:index/job:Job"] = "terraform-provider-nomad nomad_job (nomad/resource_job.go): a changed jobspec is registered again in place; only a new job ID replaces it, and the suite's job IDs are fixed",
    };

    private static readonly ILookup<string, ReplacementRule> ByType = All.ToLookup(rule => rule.Type, StringComparer.Ordinal);

    /// <summary>The rule that makes a change at <paramref name="propertyPath"/> (relative to <c>properties</c>) a replacement, if any.</summary>
    public static ReplacementRule? Find(string type, string propertyPath, YamlMappingNode? newProperties) =>
        ByType[type].FirstOrDefault(rule => rule.Covers(propertyPath, newProperties));

    private static bool IsTrue(YamlMappingNode? properties, string key) =>
        properties is not null
        && properties.Children.TryGetValue(new YamlScalarNode(key), out var value)
        && value is YamlScalarNode { Value: { } text }
        && text.Equals("true", StringComparison.OrdinalIgnoreCase);
}
