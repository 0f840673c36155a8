using Infra.Platform;
using Infra.Platform.Services;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Constructs.Aws;

public sealed record AlbProps
{
    public required StackIdentity Stack { get; init; }
    public required Vpc Vpc { get; init; }
    public required Ec2.SecurityGroup SecurityGroup { get; init; }
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

    public Lb.LoadBalancer LoadBalancer { get; }
    public IReadOnlyDictionary<string, Lb.TargetGroup> TargetGroups { get; }
    public Acm.Certificate Certificate { get; }
    private readonly int appPort;

    public Alb(Scope scope, string id, AlbProps props) : base(scope, id)
    {
        var name = props.Stack.PhysicalName(id);
        appPort = props.AppPort;
        var dev = props.Stack.Settings.Environment == Platform.Configuration.DeploymentEnvironment.Dev;

        var logs = AccessLogBucket(name, S3BucketPrefix.For(props.Stack.Stack, $"{id}-logs"), forceDestroy: dev, retain: props.Stack.Settings.IsProduction);
        LoadBalancer = new Lb.LoadBalancer(this, "lb", new Lb.LoadBalancerArgs
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
            AccessLogs = new Lb.LoadBalancerAccessLogs { Bucket = logs.Bucket.BucketValue, Prefix = LogPrefix, Enabled = true },
            Tags = AwsTags.Named(name),
        }, new ResourceOptions { DependsOn = [logs.Policy] });
        // The load balancer is the component: its logs, target groups, listeners and rules are its children.
        DeclareAnchor(LoadBalancer);

        TargetGroups = props.Services.ToDictionary(s => s.Name, s => new Lb.TargetGroup(this, TargetGroupId(s.Name), new Lb.TargetGroupArgs
        {
            Port = props.AppPort,
            Protocol = "HTTP",
            VpcId = props.Vpc.VpcId,
            TargetType = "instance",
            DeregistrationDelay = 30,
            HealthCheck = new Lb.TargetGroupHealthCheck
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
        Certificate = new Acm.Certificate(this, "cert", new Acm.CertificateArgs
        {
            DomainName = domain,
            SubjectAlternativeNames = [$"*.{domain}"],
            ValidationMethod = "DNS",
            KeyAlgorithm = "EC_prime256v1",
            Tags = AwsTags.Named(name),
        }, new ResourceOptions { NoParent = true });
        // Not the load balancer's children: a parent is a dependency in Pulumi YAML, and the certificate does not
        // need the load balancer. Beside it, DNS validation (about 2.5 min) runs while the ALB provisions (about
        // 3 min) instead of after it: the dc9 spin-up's critical path drops from 6 to 3.5 min (infra plan dc9).
        var fqdn = props.Dns.Validate(Certificate);
        var validation = new Acm.CertificateValidation(this, "cert-validation", new Acm.CertificateValidationArgs
        {
            CertificateArn = Certificate.Arn,
            ValidationRecordFqdns = fqdn is null ? null : [fqdn],
        }, new ResourceOptions { Parent = Certificate });

        var https = new Lb.Listener(this, "https", new Lb.ListenerArgs
        {
            LoadBalancerArn = LoadBalancer.Arn,
            Port = 443,
            Protocol = "HTTPS",
            SslPolicy = props.TlsPolicy,
            CertificateArn = validation.CertificateArn,
            DefaultActions =
            [
                new Lb.ListenerDefaultAction
                {
                    Type = "fixed-response",
                    FixedResponse = new Lb.ListenerDefaultActionFixedResponse { ContentType = "text/plain", MessageBody = "no route", StatusCode = "404" },
                },
            ],
            Tags = AwsTags.Named($"{name}-https"),
        });
        _ = new Lb.Listener(this, "http", new Lb.ListenerArgs
        {
            LoadBalancerArn = LoadBalancer.Arn,
            Port = 80,
            Protocol = "HTTP",
            DefaultActions =
            [
                new Lb.ListenerDefaultAction
                {
                    Type = "redirect",
                    Redirect = new Lb.ListenerDefaultActionRedirect { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
                },
            ],
            Tags = AwsTags.Named($"{name}-http"),
        });

        // Each rule's id and priority come from its route's host and path: adding a route touches no other rule.
        foreach (var (route, ruleId, priority) in ListenerRulePlanner.Plan(props.Routes))
        {
            if (!TargetGroups.TryGetValue(route.Service, out var target)) continue;
            var conditions = new List<Lb.ListenerRuleCondition>
            {
                new() { HostHeader = new Lb.ListenerRuleConditionHostHeader { Values = [$"{route.Host}.{domain}"] } },
            };
            if (route.PathPrefix != "/")
                conditions.Add(new() { PathPattern = new Lb.ListenerRuleConditionPathPattern { Values = [$"{route.PathPrefix}*"] } });
            _ = new Lb.ListenerRule(this, ruleId, new Lb.ListenerRuleArgs
            {
                ListenerArn = https.Arn,
                Priority = priority,
                Actions = [new Lb.ListenerRuleAction { Type = "forward", TargetGroupArn = target.Arn }],
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
    public void Register(string service, string serverId, Ec2.Instance instance) =>
        _ = new Lb.TargetGroupAttachment(this, $"target-{serverId}", new Lb.TargetGroupAttachmentArgs
        {
            TargetGroupArn = TargetGroups[service].Arn,
            TargetId = instance.Id,
            Port = appPort,
        });

    private (S3.Bucket Bucket, S3.BucketPolicy Policy) AccessLogBucket(string name, string bucketPrefix, bool forceDestroy, bool retain)
    {
        // Production access logs are evidence: a stack teardown leaves the bucket behind.
        var bucket = new S3.Bucket(this, "logs", new S3.BucketArgs
        {
            // STACK-alb-logs-, or derived from the stack name when that is not a valid bucket name (S3BucketPrefix).
            BucketPrefix = bucketPrefix,
            ForceDestroy = forceDestroy,
            Tags = AwsTags.Named($"{name}-logs"),
        }, new ResourceOptions { RetainOnDelete = retain ? true : null });
        _ = new S3.BucketPublicAccessBlock(this, "logs-public-access", new S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        });
        _ = new S3.BucketOwnershipControls(this, "logs-ownership", new S3.BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new S3.BucketOwnershipControlsRule { ObjectOwnership = "BucketOwnerEnforced" },
        });
        // ALB access logs support SSE-S3 only, not KMS keys.
        _ = new S3.BucketServerSideEncryptionConfiguration(this, "logs-encryption", new S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules = [new S3.BucketServerSideEncryptionConfigurationRule { ApplyServerSideEncryptionByDefault = new S3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefault { SseAlgorithm = "AES256" } }],
        });
        var account = SharedVariable("awsAccountId", aws => GetCallerIdentity(aws).AccountId);
        var elb = SharedVariable("elbServiceAccountArn", aws => Elb.GetServiceAccount(aws).Arn);
        var policy = new S3.BucketPolicy(this, "logs-policy", new S3.BucketPolicyArgs
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

    /// <summary>A lookup bound once to a program variable, however many components ask for it.</summary>
    private Output<string> SharedVariable(string variable, Func<InvokeOptions, Output<string>> lookup) =>
        Blueprint.Variables.Any(v => v.Key == variable)
            ? Output.Of<string>(variable)
            : Blueprint.Variable<string>(variable, lookup(InvokeOptions.In(this, "aws")).Expr);
}
