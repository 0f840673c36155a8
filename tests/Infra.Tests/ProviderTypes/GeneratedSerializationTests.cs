using Infra.Providers.Generated;
using Infra.Synthesis;
using Infra.Tests.SchemaConformance;
using static Infra.Providers.Generated.Aws;
using static Infra.Providers.Generated.Kubernetes;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// What generated types write into the program: wire names, nesting, enums, kubernetes constants,
/// maps and lists, typed output references; properties in the order the code sets them (a program reads
/// like the construct that wrote it, and moving a construct onto these types cannot reorder its output).
/// </summary>
public sealed class GeneratedSerializationTests
{
    [Fact]
    public void Nested_types_are_written_under_their_wire_names_in_the_order_the_code_sets_them()
    {
        var blueprint = ProviderBlueprint.New();

        new Ec2.LaunchTemplate(blueprint, "servers", new()
        {
            UserData = "I2Nsb3VkLWNvbmZpZw==",
            InstanceType = "t3.small",
            ImageId = "ami-123",
            MetadataOptions = new() { HttpTokens = "required", HttpPutResponseHopLimit = 1, HttpEndpoint = "enabled" },
            BlockDeviceMappings = [new() { DeviceName = "/dev/xvda", Ebs = new() { VolumeType = "gp3", VolumeSize = 20, Encrypted = "true" } }],
        });

        Assert.Equal("""
              servers:
                type: aws:ec2/launchTemplate:LaunchTemplate
                properties:
                  userData: I2Nsb3VkLWNvbmZpZw==
                  instanceType: t3.small
                  imageId: ami-123
                  metadataOptions:
                    httpTokens: required
                    httpPutResponseHopLimit: 1
                    httpEndpoint: enabled
                  blockDeviceMappings:
                  - deviceName: /dev/xvda
                    ebs:
                      volumeType: gp3
                      volumeSize: 20
                      encrypted: "true"
                options:
                  provider: ${aws}
            """, ResourceBlock(blueprint.ToYaml(), "servers"));
        Conformance.AssertConforms(blueprint.ToYaml());
    }

    [Fact]
    public void Kubernetes_resources_write_their_apiVersion_and_kind_and_typed_nested_specs()
    {
        var blueprint = ProviderBlueprint.New();
        var labels = new Dictionary<string, Input<string>> { ["app"] = "gateway" };

        new AppsV1.Deployment(blueprint, "gateway", new()
        {
            Metadata = new() { Name = "gateway", Namespace = "platform" },
            Spec = new()
            {
                Replicas = 2,
                Selector = new() { MatchLabels = labels },
                Template = new()
                {
                    Metadata = new() { Labels = labels },
                    Spec = new()
                    {
                        Containers = [new() { Name = "gateway", Image = "ghcr.io/acme/platform:1.42.0", Args = ["--services=gateway"], Ports = [new() { ContainerPortValue = 8080, Name = "http" }] }],
                    },
                },
            },
        });

        Assert.Equal("""
              gateway:
                type: kubernetes:apps/v1:Deployment
                properties:
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata:
                    name: gateway
                    namespace: platform
                  spec:
                    replicas: 2
                    selector:
                      matchLabels:
                        app: gateway
                    template:
                      metadata:
                        labels:
                          app: gateway
                      spec:
                        containers:
                        - name: gateway
                          image: ghcr.io/acme/platform:1.42.0
                          args:
                          - "--services=gateway"
                          ports:
                          - containerPort: 8080
                            name: http
                options:
                  provider: ${kubernetes}
            """, ResourceBlock(blueprint.ToYaml(), "gateway"));
        Conformance.AssertConforms(blueprint.ToYaml());
    }

    [Fact]
    public void A_closed_enum_is_a_typed_constant_written_as_its_wire_value()
    {
        var blueprint = ProviderBlueprint.New();

        new Command.Local.Command(blueprint, "migrate", new() { Create = "./migrate.sh", Logging = Command.Local.Logging.StdoutAndStderr });
        blueprint.Output("policy", Fn.ToJson(new Iam.PolicyDocument
        {
            Version = Iam.PolicyDocumentVersion.PolicyDocumentVersion_2012_10_17,
            Statement = [new() { Effect = Iam.PolicyStatementEffect.ALLOW, Action = "s3:GetObject", Resource = "*" }],
        }));

        var yaml = blueprint.ToYaml();
        Assert.Contains("      logging: stdoutAndStderr\n", yaml);
        Assert.Contains("""
                  Version: "2012-10-17"
                  Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: "*"
            """.Replace("\r\n", "\n"), yaml.Replace("\r\n", "\n"));
        // Typed: a closed enum property takes the enum's constants, not strings.
        Assert.Equal(typeof(Input<Command.Local.Logging>), typeof(Command.Local.CommandArgs).GetProperty("Logging")!.PropertyType);
        Conformance.AssertConforms(yaml);
    }

    [Fact]
    public void An_open_enum_accepts_its_listed_constants_and_any_other_string()
    {
        var blueprint = ProviderBlueprint.New();

        new CoreV1.Service(blueprint, "listed", new() { Spec = new() { Type = CoreV1.ServiceSpecType.LoadBalancer, Ports = [new() { Port = 443 }] } });
        new CoreV1.Service(blueprint, "other", new() { Spec = new() { Type = "ExternalName", ExternalName = "db.example.com" } });

        var yaml = blueprint.ToYaml();
        Assert.Contains("        type: LoadBalancer\n", ResourceBlock(yaml, "listed") + "\n");
        Assert.Contains("        type: ExternalName\n", ResourceBlock(yaml, "other") + "\n");
        Conformance.AssertConforms(yaml);
    }

    [Fact]
    public void Maps_are_sorted_by_key_lists_keep_their_order_and_unset_inputs_are_left_out()
    {
        var blueprint = ProviderBlueprint.New();
        var vpc = new Ec2.Vpc(blueprint, "network", new() { CidrBlock = "10.0.0.0/16" });

        new Ec2.SecurityGroup(blueprint, "web", new()
        {
            VpcId = vpc.Id,
            Tags = new Dictionary<string, Input<string>> { ["b-tag"] = "2", ["Name"] = "web", ["a-tag"] = vpc.Arn },
            Ingress = [new() { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = ["10.0.2.0/24", "10.0.1.0/24"] }],
        });

        Assert.Equal("""
              web:
                type: aws:ec2/securityGroup:SecurityGroup
                properties:
                  vpcId: ${network.id}
                  tags:
                    Name: web
                    a-tag: ${network.arn}
                    b-tag: "2"
                  ingress:
                  - protocol: tcp
                    fromPort: 443
                    toPort: 443
                    cidrBlocks:
                    - "10.0.2.0/24"
                    - "10.0.1.0/24"
                options:
                  provider: ${aws}
            """, ResourceBlock(blueprint.ToYaml(), "web"));
    }

    [Fact]
    public void Outputs_are_typed_references_and_nested_outputs_read_through_typed_accessors()
    {
        var blueprint = ProviderBlueprint.New();
        var certificate = new Acm.Certificate(blueprint, "cert", new() { DomainName = "example.com", ValidationMethod = "DNS" });
        var role = new Iam.Role(blueprint, "role", new() { AssumeRolePolicy = "{}" });

        Output<string> recordName = certificate.DomainValidationOptions.Index<Acm.CertificateDomainValidationOption>(0).ResourceRecordName;
        blueprint.Output("recordName", recordName);
        blueprint.Output("roleName", role.RoleName);
        blueprint.Output("arn", certificate.Arn);

        var yaml = blueprint.ToYaml();
        Assert.Contains("  recordName: ${cert.domainValidationOptions[0].resourceRecordName}\n", yaml);
        Assert.Contains("  roleName: ${role.name}\n", yaml);
        Assert.Contains("  arn: ${cert.arn}\n", yaml);
        Conformance.AssertConforms(yaml);
    }

    [Fact]
    public void The_same_construction_gives_a_byte_identical_program()
    {
        static string Build()
        {
            var blueprint = ProviderBlueprint.New();
            new Docker.Container(blueprint, "app", new()
            {
                Image = "busybox:1.36.1",
                Envs = ["B=2", "A=1"],
                LogOpts = new Dictionary<string, Input<string>> { ["max-size"] = "10m", ["max-file"] = "3" },
                Ports = [new() { Internal = 8080, External = 8080, Ip = "127.0.0.1" }],
            });
            return blueprint.ToYaml();
        }

        Assert.Equal(Build(), Build());
    }

    /// <summary>The lines of one resource under <c>resources:</c>, from its name to the next resource.</summary>
    private static string ResourceBlock(string yaml, string name)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        var start = Array.IndexOf(lines, $"  {name}:");
        Assert.True(start >= 0, $"no resource '{name}' in:\n{yaml}");
        var end = start + 1;
        while (end < lines.Length && lines[end].StartsWith("    ", StringComparison.Ordinal)) end++;
        return string.Join("\n", lines[start..end]);
    }
}
