namespace Infra.Tests.SchemaConformance;

/// <summary>
/// Each violating program is otherwise compliant, so every test asserts the one violation it
/// provokes: its resource, its path and what the message says.
/// </summary>
public sealed class SchemaCheckerTests
{
    private static ConformanceViolation SingleViolation(string program)
    {
        var violations = SchemaChecker.Check(program);
        Assert.True(violations.Count == 1,
            $"expected exactly one violation, got {violations.Count}:\n{string.Join("\n", violations)}");
        return violations[0];
    }

    private static void AssertViolation(string program, string resource, string path, string messagePart)
    {
        var violation = SingleViolation(program);
        Assert.Equal(resource, violation.Resource);
        Assert.Equal(path, violation.Path);
        Assert.Contains(messagePart, violation.Message);
    }

    // ---- compliant programs ----

    [Fact]
    public void A_compliant_docker_program_has_no_violations()
    {
        Conformance.AssertConforms("""
            name: laptop
            config:
              infra:dbPassword:
                type: string
                secret: true
            resources:
              dockerProvider:
                type: pulumi:providers:docker
                properties:
                  host: unix:///var/run/docker.sock
                options:
                  version: 5.2.0
              randomProvider:
                type: pulumi:providers:random
                options:
                  version: 4.21.2
              adminPassword:
                type: random:index/randomPassword:RandomPassword
                properties:
                  length: 32
                  special: false
                options:
                  provider: ${randomProvider}
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx:1.27
                  name: web
                  hostname: 12345
                  restart: unless-stopped
                  ports:
                    - internal: 8080
                      external: 8080
                  healthcheck:
                    tests: [CMD, curl, -f, "http://localhost:8080/healthz"]
                    retries: 3
                  envs:
                    - DB_PASSWORD=${infra:dbPassword}
                    - ADMIN_PASSWORD=${adminPassword.result}
                  command: [sh, -c, "echo $${HOME} && exec nginx"]
                  labels:
                    - label: tier
                      value: laptop
                  mounts:
                    - target: /data
                      type: volume
                options:
                  provider: ${dockerProvider}
                  dependsOn:
                    - ${adminPassword}
            outputs:
              url: http://localhost:${web.ports[0].external}
              password:
                fn::secret: ${adminPassword.result}
            """);
    }

    [Fact]
    public void A_compliant_aws_program_has_no_violations()
    {
        Conformance.AssertConforms("""
            variables:
              zones:
                fn::invoke:
                  function: aws:index/getAvailabilityZones:getAvailabilityZones
                  arguments:
                    state: available
                    filters:
                      - name: opt-in-status
                        values: [opt-in-not-required]
                  return: names
                  options:
                    provider: ${awsProvider}
            resources:
              awsProvider:
                type: pulumi:providers:aws
                properties:
                  region: eu-west-1
                options:
                  version: 7.48.0
              vpc:
                type: aws:ec2/vpc:Vpc
                properties:
                  cidrBlock: 10.0.0.0/16
                  enableDnsHostnames: true
                  tags:
                    Name: dc9
                options:
                  provider: ${awsProvider}
              subnetA:
                type: aws:ec2:Subnet
                properties:
                  vpcId: ${vpc.id}
                  cidrBlock: 10.0.1.0/24
                  availabilityZone: ${zones[0]}
                options:
                  provider: ${awsProvider}
              web:
                type: aws:ec2/securityGroup:SecurityGroup
                properties:
                  vpcId: ${vpc.id}
                  ingress:
                    - fromPort: 443
                      toPort: 443
                      protocol: tcp
                      cidrBlocks: [0.0.0.0/0]
                options:
                  provider: ${awsProvider}
              logo:
                type: aws:s3/bucketObject:BucketObject
                properties:
                  bucket: assets
                  source:
                    fn::stringAsset: hello
                options:
                  provider: ${awsProvider}
              existing:
                type: aws:ec2/vpc:Vpc
                get:
                  id: vpc-0123456789
                options:
                  provider: ${awsProvider}
            outputs:
              vpcCidr: ${vpc.cidrBlock}
              zoneCount:
                fn::invoke:
                  function: aws:getAvailabilityZones
                  arguments: {}
                  return: zoneIds
            """);
    }

    [Fact]
    public void Open_enums_unions_and_constants_accept_what_the_schema_allows()
    {
        Conformance.AssertConforms("""
            resources:
              fn:
                type: aws:lambda/function:Function
                properties:
                  role: arn:aws:iam::123456789012:role/lambda
                  runtime: my-own-runtime
                  code:
                    fn::fileArchive: ./app
              lb:
                type: aws:alb/loadBalancer:LoadBalancer
                properties:
                  loadBalancerType: application
              settings:
                type: kubernetes:core/v1:ConfigMap
                properties:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: settings
                    labels:
                      app: web
                  data:
                    port: "8080"
            """);
    }

    // ---- resources and properties ----

    [Fact]
    public void Unknown_resource_type_is_reported_at_type()
    {
        AssertViolation("""
            resources:
              net:
                type: aws:ec2/vpcc:Vpcc
                properties:
                  cidrBlock: 10.0.0.0/16
            """, "net", "type", "unknown resource type 'aws:ec2/vpcc:Vpcc'");
    }

    [Fact]
    public void Resource_type_of_a_package_without_schema_is_unknown()
    {
        AssertViolation("""
            resources:
              thing:
                type: nosuchprovider:index:Thing
            """, "thing", "type", "no schema for package 'nosuchprovider'");
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        AssertViolation("""
            resources:
              vpc:
                type: aws:ec2/vpc:Vpc
                properties:
                  CidrBlock: 10.0.0.0/16
            """, "vpc", "properties.CidrBlock", "did you mean 'cidrBlock'?");
    }

    [Fact]
    public void Unknown_property_is_reported()
    {
        AssertViolation("""
            resources:
              password:
                type: random:RandomPassword
                properties:
                  length: 32
                  complexity: high
            """, "password", "properties.complexity", "unknown input property 'complexity'");
    }

    [Fact]
    public void Missing_required_input_is_reported()
    {
        AssertViolation("""
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  name: web
            """, "web", "properties.image", "missing required input property 'image'");
    }

    [Fact]
    public void A_resource_read_with_get_needs_no_required_inputs()
    {
        Assert.Empty(SchemaChecker.Check("""
            resources:
              subnet:
                type: aws:ec2/subnet:Subnet
                get:
                  id: subnet-0123
            """));
    }

    [Fact]
    public void Empty_properties_still_need_the_required_inputs()
    {
        AssertViolation("""
            resources:
              password:
                type: random:index/randomPassword:RandomPassword
                properties:
            """, "password", "properties.length", "missing required input property 'length'");
    }

    [Fact]
    public void Unknown_resource_key_is_reported()
    {
        AssertViolation("""
            resources:
              vpc:
                type: aws:ec2/vpc:Vpc
                property:
                  cidrBlock: 10.0.0.0/16
            """, "vpc", "property", "unknown resource key 'property'");
    }

    [Fact]
    public void Overlay_resources_are_refused_as_Pulumi_YAML_refuses_them()
    {
        AssertViolation("""
            resources:
              chart:
                type: kubernetes:helm.sh/v3:Chart
                properties:
                  chart: nginx
            """, "chart", "type", "overlay");
    }

    // ---- scalar types ----

    [Theory]
    [InlineData("length: \"32\"", "properties.length", "expected an integer, got the string \"32\"")]
    [InlineData("length: '32'", "properties.length", "expected an integer")]
    [InlineData("length: 32.5", "properties.length", "expected an integer, got the number 32.5")]
    [InlineData("length: [32]", "properties.length", "expected an integer, got a list")]
    [InlineData("special: \"true\"", "properties.special", "expected true or false")]
    [InlineData("special: 1", "properties.special", "expected true or false")]
    [InlineData("overrideSpecial: {chars: \"!\"}", "properties.overrideSpecial", "expected a string, got a mapping")]
    [InlineData("keepers: [a]", "properties.keepers", "expected a mapping, got a list")]
    [InlineData("keepers: {build: [1]}", "properties.keepers.build", "expected a string, got a list")]
    public void Wrong_scalar_types_are_reported(string property, string path, string message)
    {
        var extra = property.StartsWith("length", StringComparison.Ordinal) ? "" : "\n      length: 16";
        AssertViolation($"""
            resources:
              password:
                type: random:index/randomPassword:RandomPassword
                properties:
                  {property}{extra}
            """, "password", path, message);
    }

    [Fact]
    public void A_double_quoted_port_is_a_string_not_a_number()
    {
        AssertViolation("""
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx
                  ports:
                    - internal: "8080"
            """, "web", "properties.ports[0].internal", "expected an integer, got the string \"8080\"");
    }

    [Fact]
    public void String_properties_accept_numbers_and_booleans()
    {
        Assert.Empty(SchemaChecker.Check("""
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx
                  hostname: 12345
                  domainname: true
                  user: 1000.5
            """));
    }

    // ---- nested objects, enums, assets, constants ----

    [Fact]
    public void Unknown_nested_field_is_reported_with_its_full_path()
    {
        AssertViolation("""
            resources:
              web:
                type: aws:ec2/securityGroup:SecurityGroup
                properties:
                  ingress:
                    - fromPort: 443
                      toPort: 443
                      protocol: tcp
                      cidrBlock: 0.0.0.0/0
            """, "web", "properties.ingress[0].cidrBlock",
            "unknown field 'cidrBlock' of aws:ec2/SecurityGroupIngress:SecurityGroupIngress");
    }

    [Fact]
    public void Missing_required_nested_field_is_reported()
    {
        AssertViolation("""
            resources:
              web:
                type: aws:ec2/securityGroup:SecurityGroup
                properties:
                  ingress:
                    - fromPort: 443
                      protocol: tcp
            """, "web", "properties.ingress[0].toPort", "missing required field 'toPort'");
    }

    [Fact]
    public void Wrong_type_inside_a_nested_object_is_reported()
    {
        AssertViolation("""
            resources:
              web:
                type: aws:ec2/securityGroup:SecurityGroup
                properties:
                  ingress:
                    - fromPort: https
                      toPort: 443
                      protocol: tcp
            """, "web", "properties.ingress[0].fromPort", "expected a number");
    }

    [Fact]
    public void A_closed_enum_rejects_an_unknown_value()
    {
        AssertViolation("""
            resources:
              hello:
                type: command:local:Command
                properties:
                  create: echo hello
                  logging: everything
            """, "hello", "properties.logging", "\"everything\" is not one of enum command:local:Logging");
    }

    [Fact]
    public void A_constant_rejects_another_value()
    {
        AssertViolation("""
            resources:
              settings:
                type: kubernetes:core/v1:ConfigMap
                properties:
                  kind: Secret
            """, "settings", "properties.kind", "must be \"ConfigMap\"");
    }

    [Fact]
    public void An_asset_property_needs_an_asset()
    {
        AssertViolation("""
            resources:
              logo:
                type: aws:s3/bucketObject:BucketObject
                properties:
                  bucket: assets
                  source: ./logo.png
            """, "logo", "properties.source", "expected an asset");
    }

    [Fact]
    public void An_archive_property_refuses_a_non_archive_call()
    {
        AssertViolation("""
            resources:
              fn:
                type: aws:lambda/function:Function
                properties:
                  role: arn:aws:iam::123456789012:role/lambda
                  code:
                    fn::toJSON: {a: 1}
            """, "fn", "properties.code", "fn::toJSON does not make an asset or archive");
    }

    [Fact]
    public void A_secret_is_checked_as_its_value()
    {
        AssertViolation("""
            resources:
              password:
                type: random:index/randomPassword:RandomPassword
                properties:
                  length:
                    fn::secret: "32"
            """, "password", "properties.length", "expected an integer");
    }

    // ---- references ----

    [Fact]
    public void A_reference_to_an_undeclared_name_is_reported()
    {
        AssertViolation("""
            resources:
              subnet:
                type: aws:ec2/subnet:Subnet
                properties:
                  vpcId: ${mainVpc.id}
            """, "subnet", "properties.vpcId", "unknown reference '${mainVpc.id}': 'mainVpc' is not a resource, variable or config key");
    }

    [Fact]
    public void A_reference_to_a_missing_output_is_reported()
    {
        AssertViolation("""
            resources:
              vpc:
                type: aws:ec2/vpc:Vpc
                properties:
                  cidrBlock: 10.0.0.0/16
              subnet:
                type: aws:ec2/subnet:Subnet
                properties:
                  vpcId: ${vpc.id}
                  cidrBlock: ${vpc.cidr}
            """, "subnet", "properties.cidrBlock", "aws:ec2/vpc:Vpc has no output 'cidr'");
    }

    [Fact]
    public void A_reference_into_a_nested_type_is_checked()
    {
        AssertViolation("""
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx
                  ports:
                    - internal: 8080
            outputs:
              port: ${web.ports[0].externalPort}
            """, "outputs.port", "", "docker:index/ContainerPort:ContainerPort has no field 'externalPort'");
    }

    [Fact]
    public void An_escaped_dollar_is_not_a_reference()
    {
        Assert.Empty(SchemaChecker.Check("""
            resources:
              hello:
                type: command:local:Command
                properties:
                  create: echo $${undeclared.name} $$HOME
            """));
    }

    [Fact]
    public void An_unclosed_interpolation_is_reported()
    {
        AssertViolation("""
            resources:
              hello:
                type: command:local:Command
                properties:
                  create: echo ${HOME
            """, "hello", "properties.create", "never closed");
    }

    [Fact]
    public void Variables_config_keys_and_pulumi_builtins_are_valid_roots()
    {
        Assert.Empty(SchemaChecker.Check("""
            config:
              infra:tier:
                type: string
              region:
                type: string
            variables:
              prefix: app-${pulumi.stack}
            resources:
              hello:
                type: command:local:Command
                properties:
                  create: echo ${prefix} ${infra:tier} ${tier} ${region}
            """));
    }

    // ---- fn::invoke ----

    [Fact]
    public void Invoke_of_an_unknown_function_is_reported()
    {
        AssertViolation("""
            variables:
              zones:
                fn::invoke:
                  function: aws:index/getZones:getZones
                  arguments: {}
            """, "variables.zones", "fn::invoke.function", "unknown function 'aws:index/getZones:getZones'");
    }

    [Fact]
    public void Invoke_with_an_unknown_argument_is_reported()
    {
        AssertViolation("""
            variables:
              zones:
                fn::invoke:
                  function: aws:index/getAvailabilityZones:getAvailabilityZones
                  arguments:
                    status: available
                  return: names
            """, "variables.zones", "fn::invoke.arguments.status", "unknown argument 'status'");
    }

    [Fact]
    public void Invoke_without_a_required_argument_is_reported()
    {
        AssertViolation("""
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  image:
                    fn::invoke:
                      function: docker:index/getRemoteImage:getRemoteImage
                      arguments: {}
                      return: repoDigest
            """, "web", "properties.image.fn::invoke.arguments.name", "missing required argument 'name'");
    }

    [Fact]
    public void Invoke_returning_a_non_output_is_reported()
    {
        AssertViolation("""
            variables:
              zones:
                fn::invoke:
                  function: aws:getAvailabilityZones
                  arguments: {}
                  return: zones
            """, "variables.zones", "fn::invoke.return", "'zones' is not an output of aws:index/getAvailabilityZones:getAvailabilityZones");
    }

    [Fact]
    public void Invoke_arguments_are_type_checked()
    {
        AssertViolation("""
            variables:
              zones:
                fn::invoke:
                  function: aws:getAvailabilityZones
                  arguments:
                    allAvailabilityZones: "yes"
                  return: names
            """, "variables.zones", "fn::invoke.arguments.allAvailabilityZones", "expected true or false");
    }

    // ---- providers ----

    [Fact]
    public void A_provider_with_another_version_than_the_pinned_one_is_reported()
    {
        AssertViolation("""
            resources:
              awsProvider:
                type: pulumi:providers:aws
                options:
                  version: 6.0.0
            """, "awsProvider", "options.version", "not the pinned aws version 7.48.0");
    }

    [Fact]
    public void A_provider_without_a_version_is_reported()
    {
        AssertViolation("""
            resources:
              tlsProvider:
                type: pulumi:providers:tls
            """, "tlsProvider", "options.version", "version: 5.6.1");
    }

    [Fact]
    public void A_resource_whose_version_differs_from_the_pinned_one_is_reported()
    {
        AssertViolation("""
            resources:
              password:
                type: random:index/randomPassword:RandomPassword
                properties:
                  length: 16
                options:
                  version: 4.0.0
            """, "password", "options.version", "not the pinned random version 4.21.2");
    }

    [Fact]
    public void A_provider_of_another_package_is_reported()
    {
        AssertViolation("""
            resources:
              awsProvider:
                type: pulumi:providers:aws
                options:
                  version: 7.48.0
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx
                options:
                  provider: ${awsProvider}
            """, "web", "options.provider", "'awsProvider' is a pulumi:providers:aws, but this needs a pulumi:providers:docker");
    }

    [Fact]
    public void A_provider_option_that_is_not_a_resource_reference_is_reported()
    {
        AssertViolation("""
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx
                options:
                  provider: docker
            """, "web", "options.provider", "expected a reference to a pulumi:providers:docker resource");
    }

    [Fact]
    public void A_provider_option_naming_a_variable_is_reported()
    {
        AssertViolation("""
            variables:
              dockerProvider: docker
            resources:
              web:
                type: docker:index/container:Container
                properties:
                  image: nginx
                options:
                  provider: ${dockerProvider}
            """, "web", "options.provider", "'dockerProvider' is not a resource");
    }

    [Fact]
    public void An_invoke_provider_of_another_package_is_reported()
    {
        AssertViolation("""
            resources:
              dockerProvider:
                type: pulumi:providers:docker
                options:
                  version: 5.2.0
            variables:
              zones:
                fn::invoke:
                  function: aws:getAvailabilityZones
                  return: names
                  options:
                    provider: ${dockerProvider}
            """, "variables.zones", "fn::invoke.options.provider", "needs a pulumi:providers:aws");
    }

    // ---- the program as a whole, and the assertion ----

    [Fact]
    public void Invalid_yaml_is_a_violation_not_a_crash()
    {
        AssertViolation("resources: [unclosed", "(program)", "", "not valid YAML");
    }

    [Fact]
    public void AssertConforms_lists_every_violation_one_per_line()
    {
        var error = Assert.ThrowsAny<Exception>(() => Conformance.AssertConforms("""
            resources:
              net:
                type: aws:ec2/vpcc:Vpcc
              web:
                type: docker:index/container:Container
            """));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Contains("2 place(s)", lines[0]);
        Assert.Equal(
            ["net at type: unknown resource type 'aws:ec2/vpcc:Vpcc': package 'aws' has no such resource",
             "web at properties.image: missing required input property 'image' of docker:index/container:Container"],
            lines[1..]);
    }
}
