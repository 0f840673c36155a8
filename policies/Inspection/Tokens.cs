namespace Infra.Policies.Inspection;

/// <summary>The resource type tokens the pack inspects (checked against ../shared/schemas by the tests).</summary>
public static class Tokens
{
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string VpcIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string VpcEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string Instance = "aws:ec2/instance:Instance";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string EbsVolume = "aws:ebs/volume:Volume";
    public const string DlmPolicy = "aws:dlm/lifecyclePolicy:LifecyclePolicy";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string Listener = "aws:lb/listener:Listener";
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string BucketEncryptionV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public const string BucketEncryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string RdsInstance = "aws:rds/instance:Instance";
    public const string DockerContainer = "docker:index/container:Container";
    public const string DockerNetwork = "docker:index/network:Network";
    public const string DockerVolume = "docker:index/volume:Volume";
    public const string DockerRemoteImage = "docker:index/remoteImage:RemoteImage";
    public const string DockerService = "docker:index/service:Service";
    public const string LocalCommand = "command:local:Command";
    public const string RemoteCommand = "command:remote:Command";

    public const string ProviderPrefix = "pulumi:providers:";

    public static bool IsBucket(string type) => type is Bucket or BucketV2;

    public static bool IsServer(string type) => type is Instance or LaunchTemplate;
}
