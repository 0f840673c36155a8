using Infra.Platform;
using Infra.Platform.Services;
using Infra.Synthesis;
using AwsRes = Infra.Providers.Aws;

namespace Infra.Constructs.Aws;

public sealed record AlbProps
{
    public required StackIdentity Stack { get; init; }
    public required Vpc Vpc { get; init; }
    public required AwsRes.SecurityGroup SecurityGroup { get; init; }
    public required Dns Dns { get; init; }
    /// <summary>The Services that get a target group.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }
    /// <summary>The ingress table every tier shares; each row becomes a listener rule.</summary>
    public required RouteTable Routes { get; init; }
    public int AppPort { get; init; } = PlatformBinary.HttpPort;
    public string HealthPath { get; init; } = PlatformBinary.HealthPath;
    /// <summary>On by default; dev stacks turn it off so the weekend teardown can delete the ALB.</summary>
    public bool DeletionProtection { get; init; } = true;
    /// <summary>TLS 1.3 with TLS 1.2 fallback and forward-secret ciphers only.</summary>
    public string TlsPolicy { get; init; } = "ELBSecurityPolicy-TLS13-1-2-2021-06";
}

/// <summary>
/// The internet-facing ALB in the public subnets: HTTPS with an ACM certificate validated by DNS, HTTP
/// redirected to HTTPS, invalid header fields dropped, access logs to an encrypted private bucket, one
/// target group per Service with health checks, and listener rules generated from the route table.
/// </summary>
public sealed class Alb : Component
{
    public const string LogPrefix = "alb";

    public AwsRes.LoadBalancer LoadBalancer { get; }
    public IReadOnlyDictionary<string, AwsRes.TargetGroup> TargetGroups { get; }
    public AwsRes.AcmCertificate Certificate { get; }
    private readonly int appPort;

    public Alb(Scope scope, string id, AlbProps props) : base(scope, id)
    {
        var name = props.Stack.PhysicalName(id);
        appPort = props.AppPort;
        var dev = props.Stack.Settings.Environment == Platform.Configuration.DeploymentEnvironment.Dev;

        var logs = AccessLogBucket(name, S3BucketPrefix.For(props.Stack.Stack, $"{id}-logs"), forceDestroy: dev, retain: props.Stack.Settings.IsProduction);
        LoadBalancer = new AwsRes.LoadBalancer(this, "lb", new AwsRes.LoadBalancerArgs
        {
            LoadBalancerType = "application",
            Internal = false,
            Subnets = props.Vpc.PublicSubnets.Select(s => (Input<string>)s.Id).ToList(),
            SecurityGroups = [props.SecurityGroup.Id],
            DropInvalidHeaderFields = true,
            EnableDeletionProtection = props.DeletionProtection,
            EnableHttp2 = true,
            DesyncMitigationMode = "defensive",
            IdleTimeout = 60,
            AccessLogs = new AwsRes.LoadBalancerAccessLogs { Bucket = logs.Bucket.BucketName, Prefix = LogPrefix, Enabled = true },
            Tags = AwsTags.Named(name),
        }, new ResourceOptions { DependsOn = [logs.Policy] });
        // The load balancer is the component: its logs, target groups, certificate, listeners and rules are its children.
        DeclareAnchor(LoadBalancer);

        TargetGroups = props.Services.ToDictionary(s => s.Name, s => new AwsRes.TargetGroup(this, TargetGroupId(s.Name), new AwsRes.TargetGroupArgs
        {
            Port = props.AppPort,
            Protocol = "HTTP",
            VpcId = props.Vpc.VpcId,
            TargetType = "instance",
            DeregistrationDelay = 30,
            HealthCheck = new AwsRes.TargetGroupHealthCheck
            {
                Enabled = true,
                Path = props.HealthPath,
                Protocol = "HTTP",
                Matcher = "200",
                Interval = 15,
                Timeout = 5,
                HealthyThreshold = 2,
                UnhealthyThreshold = 3,
            },
            Tags = AwsTags.Named($"{name}-{s.Name}", [new("service", s.Name)]),
        }));

        var domain = props.Dns.Domain;
        Certificate = new AwsRes.AcmCertificate(this, "cert", new AwsRes.AcmCertificateArgs
        {
            DomainName = domain,
            SubjectAlternativeNames = [$"*.{domain}"],
            ValidationMethod = "DNS",
            KeyAlgorithm = "EC_prime256v1",
            Tags = AwsTags.Named(name),
        });
        var fqdn = props.Dns.Validate(Certificate);
        var validation = new AwsRes.AcmCertificateValidation(this, "cert-validation", new AwsRes.AcmCertificateValidationArgs
        {
            CertificateArn = Certificate.Arn,
            ValidationRecordFqdns = fqdn is null ? null : [fqdn],
        });

        var https = new AwsRes.Listener(this, "https", new AwsRes.ListenerArgs
        {
            LoadBalancerArn = LoadBalancer.Arn,
            Port = 443,
            Protocol = "HTTPS",
            SslPolicy = props.TlsPolicy,
            CertificateArn = validation.CertificateArn,
            DefaultActions =
            [
                new AwsRes.ListenerAction
                {
                    Type = "fixed-response",
                    FixedResponse = new AwsRes.ListenerFixedResponse { ContentType = "text/plain", MessageBody = "no route", StatusCode = "404" },
                },
            ],
            Tags = AwsTags.Named($"{name}-https"),
        });
        _ = new AwsRes.Listener(this, "http", new AwsRes.ListenerArgs
        {
            LoadBalancerArn = LoadBalancer.Arn,
            Port = 80,
            Protocol = "HTTP",
            DefaultActions =
            [
                new AwsRes.ListenerAction
                {
                    Type = "redirect",
                    Redirect = new AwsRes.ListenerRedirect { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
                },
            ],
            Tags = AwsTags.Named($"{name}-http"),
        });

        // Each rule's id and priority come from its route's host and path: adding a route touches no other rule.
        foreach (var (route, ruleId, priority) in ListenerRulePlanner.Plan(props.Routes))
        {
            if (!TargetGroups.TryGetValue(route.Service, out var target)) continue;
            var conditions = new List<AwsRes.ListenerRuleCondition>
            {
                new() { HostHeader = new AwsRes.ListenerRuleValues { Values = [$"{route.Host}.{domain}"] } },
            };
            if (route.PathPrefix != "/")
                conditions.Add(new() { PathPattern = new AwsRes.ListenerRuleValues { Values = [$"{route.PathPrefix}*"] } });
            _ = new AwsRes.ListenerRule(this, ruleId, new AwsRes.ListenerRuleArgs
            {
                ListenerArn = https.Arn,
                Priority = priority,
                Actions = [new AwsRes.ListenerAction { Type = "forward", TargetGroupArn = target.Arn }],
                Conditions = conditions,
                Tags = AwsTags.Named($"{name}-{ruleId["rule-".Length..]}",
                    [new("route", AwsTags.Value(route.Match)), new("service", route.Service)]),
            });
        }
        props.Dns.PointAt(LoadBalancer, props.Routes.Routes.Select(r => r.Host));
    }

    /// <summary>
    /// The target group's id, <c>tg-SERVICE</c>. The group has no <c>name</c>: Pulumi autonames it from its logical
    /// name plus '-' and 7 random hex digits, which lets a replacement be created beside the old group (a fixed
    /// name would clash with it, and with the same Service's group of another stack in the account; ELB's
    /// <c>name_prefix</c> allows only 6 characters). ELB allows 32 characters, so the logical name may have 24:
    /// a Service name too long for that is shortened with a hash of the whole name (<see cref="StableHash.Shorten"/>),
    /// the same on every run, so the group is never renamed (a new name would replace it).
    /// </summary>
    private string TargetGroupId(string service)
    {
        const string lead = "tg-";
        var budget = TargetGroupNameMaxLength - PulumiAutonameSuffixLength - LogicalName.Join(Prefix, lead).Length;
        return lead + StableHash.Shorten(service, budget);
    }

    /// <summary>ELB CreateTargetGroup, Name: at most 32 characters.</summary>
    public const int TargetGroupNameMaxLength = 32;

    /// <summary>What Pulumi's autoname adds to a logical name: '-' and 7 random hex digits.</summary>
    public const int PulumiAutonameSuffixLength = 8;

    /// <summary>Registers one server with its Service's target group.</summary>
    public void Register(string service, string serverId, AwsRes.Instance instance) =>
        _ = new AwsRes.TargetGroupAttachment(this, $"target-{serverId}", new AwsRes.TargetGroupAttachmentArgs
        {
            TargetGroupArn = TargetGroups[service].Arn,
            TargetId = instance.Id,
            Port = appPort,
        });

    private (AwsRes.Bucket Bucket, AwsRes.BucketPolicy Policy) AccessLogBucket(string name, string bucketPrefix, bool forceDestroy, bool retain)
    {
        // Production access logs are evidence: a stack teardown leaves the bucket behind.
        var bucket = new AwsRes.Bucket(this, "logs", new AwsRes.BucketArgs
        {
            // STACK-alb-logs-, or derived from the stack name when that is not a valid bucket name (S3BucketPrefix).
            BucketPrefix = bucketPrefix,
            ForceDestroy = forceDestroy,
            Tags = AwsTags.Named($"{name}-logs"),
        }, new ResourceOptions { RetainOnDelete = retain ? true : null });
        _ = new AwsRes.BucketPublicAccessBlock(this, "logs-public-access", new AwsRes.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        });
        _ = new AwsRes.BucketOwnershipControls(this, "logs-ownership", new AwsRes.BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new AwsRes.BucketOwnershipRule { ObjectOwnership = "BucketOwnerEnforced" },
        });
        // ALB access logs support SSE-S3 only, not KMS keys.
        _ = new AwsRes.BucketEncryption(this, "logs-encryption", new AwsRes.BucketEncryptionArgs
        {
            Bucket = bucket.Id,
            Rules = [new AwsRes.BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new AwsRes.BucketEncryptionDefault { SseAlgorithm = "AES256" } }],
        });
        var account = SharedVariable("awsAccountId", "aws:index/getCallerIdentity:getCallerIdentity", "accountId");
        var elb = SharedVariable("elbServiceAccountArn", "aws:elb/getServiceAccount:getServiceAccount", "arn");
        var policy = new AwsRes.BucketPolicy(this, "logs-policy", new AwsRes.BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = Fn.ToJson(new Dictionary<string, object>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Sid"] = "AlbAccessLogs",
                        ["Effect"] = "Allow",
                        ["Principal"] = new Dictionary<string, object> { ["AWS"] = elb },
                        ["Action"] = "s3:PutObject",
                        ["Resource"] = Text.Interpolate($"{bucket.Arn}/{LogPrefix}/AWSLogs/{account}/*"),
                    },
                    new Dictionary<string, object>
                    {
                        ["Sid"] = "TlsOnly",
                        ["Effect"] = "Deny",
                        ["Principal"] = "*",
                        ["Action"] = "s3:*",
                        ["Resource"] = new object[] { bucket.Arn, Text.Interpolate($"{bucket.Arn}/*") },
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                        },
                    },
                },
            }),
        });
        return (bucket, policy);
    }

    private Output<string> SharedVariable(string variable, string function, string field) =>
        Blueprint.Variables.Any(v => v.Key == variable)
            ? Output.Of<string>(variable)
            : Blueprint.Variable<string>(variable, Fn.Invoke<string>(this, function, null, field).Expr);
}
