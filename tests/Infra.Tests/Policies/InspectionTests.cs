using System.IO.Compression;
using System.Text;
using Infra.Platform;
using Infra.Platform.Provisioning;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// The readers every policy relies on: address classes, property access, user-data decoding,
/// security rules in their three shapes, tags, roles and launch templates.
/// </summary>
public sealed class InspectionTests
{
    // Cidr ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.255.0.0/16", true)]
    [InlineData("10.0.0.0/7", false)]
    [InlineData("11.0.0.0/8", false)]
    [InlineData("172.16.0.0/12", true)]
    [InlineData("172.31.255.0/24", true)]
    [InlineData("172.16.0.0/11", false)]
    [InlineData("172.15.255.0/24", false)]
    [InlineData("172.32.0.0/16", false)]
    [InlineData("192.168.0.0/16", true)]
    [InlineData("192.168.10.0/24", true)]
    [InlineData("192.168.0.0/15", false)]
    [InlineData("192.169.0.0/16", false)]
    [InlineData("191.168.0.0/16", false)]
    [InlineData("100.64.0.0/10", true)]
    [InlineData("100.127.255.0/24", true)]
    [InlineData("100.64.0.0/9", false)]
    [InlineData("100.63.0.0/16", false)]
    [InlineData("100.128.0.0/16", false)]
    [InlineData("127.0.0.0/8", true)]
    [InlineData("127.0.0.0/7", false)]
    [InlineData("203.16.0.0/24", false)]
    [InlineData("0.0.0.0/0", false)]
    [InlineData("fc00::/7", true)]
    [InlineData("fd00:1::/64", true)]
    [InlineData("fc00::/6", false)]
    [InlineData("fe80::/10", false)]
    [InlineData("2001:db8::/32", false)]
    [InlineData("::/0", false)]
    [InlineData(" 10.0.0.0/8 ", true)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.0.0.0/8/8", false)]
    [InlineData("ten/8", false)]
    [InlineData("10.0.0.0/x", false)]
    public void Private_ranges_are_rfc1918_cgnat_loopback_and_ula_only_when_wholly_inside(string cidr, bool isPrivate) =>
        Assert.Equal(isPrivate, Cidr.IsPrivate(cidr));

    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData(" ::/0 ", true)]
    [InlineData("0.0.0.0/1", false)]
    [InlineData("::/1", false)]
    public void The_world_is_every_address(string cidr, bool isWorld) => Assert.Equal(isWorld, Cidr.IsWorld(cidr));

    // Props -----------------------------------------------------------------------------------

    [Fact]
    public void Props_read_literals_and_treat_references_as_unknown()
    {
        var obj = Obj(("s", "text"), ("n", 2.5), ("b", true), ("f", false), ("bs", "False"), ("ns", "1e3"), ("bad", "x"),
            ("r", new Reference("x")), ("nested", Obj(("deep", Obj(("leaf", "v"))))), ("list", List("a", new Reference("y"), 3)));
        Assert.Equal("text", Props.String(Props.Get(obj, "s")));
        Assert.Equal("2.5", Props.String(Props.Get(obj, "n")));
        Assert.Equal("true", Props.String(Props.Get(obj, "b")));
        Assert.Equal("false", Props.String(Props.Get(obj, "f")));
        Assert.Null(Props.String(Props.Get(obj, "r")));
        Assert.True(Props.Bool(Props.Get(obj, "b")));
        Assert.False(Props.Bool(Props.Get(obj, "bs")));
        Assert.Null(Props.Bool(Props.Get(obj, "bad")));
        Assert.Null(Props.Bool(Props.Get(obj, "n")));
        Assert.Equal(2.5, Props.Number(Props.Get(obj, "n")));
        Assert.Equal(1000, Props.Number(Props.Get(obj, "ns")));
        Assert.Null(Props.Number(Props.Get(obj, "bad")));
        Assert.Null(Props.Number(Props.Get(obj, "b")));
        Assert.Equal("v", Props.String(Props.Get(obj, "nested.deep.leaf")));
        Assert.Null(Props.Get(obj, "nested.deep.leaf.more"));
        Assert.Null(Props.Get(obj, "nested.missing.leaf"));
        Assert.Null(Props.Get((Expr?)null, "s"));
        Assert.Equal(["a", "3"], Props.Strings(Props.Get(obj, "list")));
        Assert.Empty(Props.List(Props.Get(obj, "s")));
    }

    [Fact]
    public void Props_find_references_at_any_depth()
    {
        var expr = Obj(("a", new Reference("one").Then("id")), ("b", List(new Reference("two"), "x")),
            ("c", new FunctionCall("fn::secret", new Interpolation([new StringLiteral("p="), new Reference("three")]))),
            ("d", Obj(("e", new Reference("four")))));
        Assert.Equal(["one", "two", "three", "four"], Props.ReferencedNames(expr));
        Assert.True(Props.RefersTo(expr, "three"));
        Assert.False(Props.RefersTo(expr, "thre"));
        Assert.Empty(Props.ReferencedNames(new StringLiteral("${one}")));
    }

    [Fact]
    public void Props_text_flattens_every_expression_kind()
    {
        var expr = List("a", 1, true, false, new Reference("r").Then("x"),
            new Interpolation([new StringLiteral("k="), new Reference("v")]),
            new FunctionCall("fn::secret", "s"), Obj(("k1", "v1"), ("k2", "v2")), NullLiteral.Instance);
        Assert.Equal("a\n1\ntrue\nfalse\n${r.x}\nk=${v}\ns\nv1\nv2\n", Props.Text(expr));
        Assert.True(Props.IsSecret(new FunctionCall("fn::secret", "x")));
        Assert.False(Props.IsSecret(new FunctionCall("fn::toBase64", "x")));
        Assert.False(Props.IsSecret("x"));
    }

    [Fact]
    public void Props_referenced_resources_are_those_of_the_program_once_each()
    {
        var f = new PolicyFixture();
        var vpc = f.Add("vpc", Tokens.Vpc);
        var expr = List(Ref(vpc), Ref(vpc, "arn"), new Reference("nowhere"));
        Assert.Equal([vpc], Props.Referenced(f.Blueprint, expr));
        Assert.False(Props.Has(vpc, "id"));
    }

    // UserData --------------------------------------------------------------------------------

    private static string Gzip64(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return Convert.ToBase64String(buffer.ToArray());
    }

    [Fact]
    public void User_data_is_decoded_from_base64_and_gzip_when_it_is_such()
    {
        const string script = "#!/bin/sh\necho hello\n";
        Assert.Equal(script, UserData.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes(script))));
        Assert.Equal(script, UserData.Decode(Gzip64(script)));
        Assert.Equal(script, UserData.Decode("  " + Gzip64(script) + "\n"));
        Assert.Equal(script, UserData.Decode(script));
    }

    [Theory]
    [InlineData("abc=")]
    [InlineData("abcdefg")]
    [InlineData("abcd efgh")]
    [InlineData("abcdefgh!")]
    [InlineData("QUJD\u0001QUJD")]
    [InlineData("abcd!fgh")]
    public void Text_that_is_not_base64_is_kept(string text) => Assert.Equal(text, UserData.Decode(text));

    [Fact]
    public void Base64_that_decodes_to_binary_or_broken_gzip_is_kept_as_written()
    {
        var binary = Convert.ToBase64String([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
        Assert.Equal(binary, UserData.Decode(binary));
        // A gzip header followed by a deflate block of the reserved type 11.
        var brokenGzip = Convert.ToBase64String([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x07, 0x00]);
        Assert.Equal(brokenGzip, UserData.Decode(brokenGzip));
        var shortGzipMagic = Convert.ToBase64String([0x1f, 0x8b, 0x41, 0x42, 0x43, 0x44]);
        Assert.Equal(shortGzipMagic, UserData.Decode(shortGzipMagic));
        var tabs = Convert.ToBase64String(Encoding.UTF8.GetBytes("a\tb\r\nc"));
        Assert.Equal("a\tb\r\nc", UserData.Decode(tabs));
    }

    [Fact]
    public void Base64_with_spaces_inside_is_not_user_data_encoding()
    {
        // .NET would decode it (it skips whitespace), but EC2 user-data in base64 has none.
        Assert.Equal("YWJjZGVm    YWI=", UserData.Decode("YWJjZGVm    YWI="));
    }

    [Fact]
    public void Only_both_gzip_header_bytes_mean_gzip()
    {
        var text = Convert.ToBase64String([0x41, 0x8b, 0x41, 0x41, 0x41, 0x41]);
        Assert.Equal("A\uFFFDAAAA", UserData.Decode(text));
        var other = Convert.ToBase64String([0x1f, 0x41, 0x41, 0x41, 0x41, 0x41]);
        Assert.Equal(other, UserData.Decode(other));
    }

    [Fact]
    public void User_data_joins_the_plain_and_base64_properties()
    {
        var f = new PolicyFixture();
        var both = f.Add("server", Tokens.Instance, ("userData", "plain"), ("userDataBase64", Convert.ToBase64String(Encoding.UTF8.GetBytes("encoded!"))));
        var none = f.Add("bare", Tokens.Instance);
        Assert.Equal("plain\nencoded!", UserData.Text(both));
        Assert.Null(UserData.Text(none));
    }

    // SecurityRule ----------------------------------------------------------------------------

    [Fact]
    public void Security_rules_are_read_in_all_three_shapes()
    {
        var f = new PolicyFixture();
        var sg = f.Add("sg", Tokens.SecurityGroup,
            ("ingress", List(Obj(("protocol", "TCP"), ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("10.0.0.0/8")),
                ("ipv6CidrBlocks", List("fc00::/7"))), "not-an-object", Obj(("protocol", "-1")))),
            ("egress", List(Obj(("protocol", "udp"), ("fromPort", 53), ("toPort", 53.0), ("cidrBlocks", List("0.0.0.0/0"))))));
        f.Add("rule", Tokens.SecurityGroupRule, ("type", "egress"), ("securityGroupId", Ref(sg)), ("protocol", "6"),
            ("fromPort", "443"), ("toPort", "443"), ("ipv6CidrBlocks", List("::/0")));
        f.Add("v-in", Tokens.VpcIngressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "icmp"), ("fromPort", -1), ("toPort", -1),
            ("cidrIpv4", "10.0.0.0/8"), ("cidrIpv6", "fc00::/7"));
        f.Add("v-out", Tokens.VpcEgressRule, ("securityGroupId", "sg-external"), ("ipProtocol", "tcp"));
        f.Add("default", Tokens.DefaultSecurityGroup, ("ingress", List(Obj(("protocol", "all")))));

        var rules = SecurityRule.All(f.Blueprint).ToList();
        Assert.Equal(["sg ingress[0]", "sg ingress[2]", "sg egress[0]", "rule rule", "v-in rule", "v-out rule", "default ingress[0]"],
            rules.Select(r => $"{r.Declared.Name} {r.Where}"));
        Assert.Equal(new[] { true, true, false, false, true, false, true }, rules.Select(r => r.Ingress));
        Assert.Equal(["tcp", "-1", "udp", "6", "icmp", "tcp", "all"], rules.Select(r => r.Protocol));
        Assert.Equal(["10.0.0.0/8", "fc00::/7"], rules[0].Cidrs);
        Assert.Equal(["::/0"], rules[3].Cidrs);
        Assert.Equal(["10.0.0.0/8", "fc00::/7"], rules[4].Cidrs);
        Assert.Empty(rules[5].Cidrs);
        Assert.Equal((53, 53), (rules[2].FromPort, rules[2].ToPort));
        Assert.Equal((443, 443), (rules[3].FromPort, rules[3].ToPort));
        Assert.Null(rules[5].FromPort);
        Assert.Null(rules[5].ToPort);
        Assert.Same(f.Blueprint.FindResource("sg"), rules[3].Group);
        Assert.Null(rules[5].Group);
        Assert.Same(rules[6].Declared, rules[6].Group);
    }

    [Theory]
    [InlineData("-1", null, null, true, true, true)]
    [InlineData("all", null, null, true, true, true)]
    [InlineData("tcp", 0, 65535, false, true, true)]
    [InlineData("tcp", null, 65535, false, true, false)]
    [InlineData("6", 0, 65535, false, true, true)]
    [InlineData("udp", 0, 65535, false, true, false)]
    [InlineData("17", 0, 65535, false, true, false)]
    [InlineData("icmp", 0, 65535, false, false, false)]
    [InlineData("tcp", 1, 65535, false, false, true)]
    [InlineData("tcp", 0, 65534, false, false, true)]
    [InlineData("tcp", 22, 22, false, false, true)]
    [InlineData("tcp", 23, 23, false, false, false)]
    [InlineData("tcp", 21, 21, false, false, false)]
    [InlineData("tcp", null, 22, false, false, false)]
    [InlineData("tcp", 22, null, false, false, false)]
    public void Port_coverage_of_a_rule(string protocol, int? from, int? to, bool allProtocols, bool allPorts, bool coversSsh)
    {
        var f = new PolicyFixture();
        var rule = new SecurityRule(f.Add("sg", Tokens.SecurityGroup), "rule", null, true, protocol, from, to, []);
        Assert.Equal(allProtocols, rule.AllProtocols);
        Assert.Equal(allPorts, rule.AllPorts);
        Assert.Equal(coversSsh, rule.Covers(22));
    }

    [Fact]
    public void Rules_describe_themselves_for_messages()
    {
        var f = new PolicyFixture();
        var sg = f.Add("sg", Tokens.SecurityGroup);
        Assert.Equal("ingress ingress[1] (tcp port 22 from 10.0.0.0/8, ::/0)",
            new SecurityRule(sg, "ingress[1]", sg, true, "tcp", 22, 22, ["10.0.0.0/8", "::/0"]).Describe());
        Assert.Equal("egress rule (udp ports 1000-2000 to 0.0.0.0/0)",
            new SecurityRule(sg, "rule", sg, false, "udp", 1000, 2000, ["0.0.0.0/0"]).Describe());
        Assert.Equal("egress rule (all traffic to )", new SecurityRule(sg, "rule", sg, false, "-1", 0, 0, []).Describe());
    }

    // Tags, roles, launch templates, load balancers -----------------------------------------------

    private sealed class DefaultTags : Args
    {
        public required IReadOnlyDictionary<string, object> Tags { get; init; }

        public override ObjectExpr ToObjectExpr() => new([new("tags", ExprConverter.From(Tags))]);
    }

    private sealed class TaggedProviderArgs : Args
    {
        public required DefaultTags DefaultTags { get; init; }

        public override ObjectExpr ToObjectExpr() => new([new("defaultTags", DefaultTags.ToObjectExpr())]);
    }

    [Fact]
    public void Aws_tags_overlay_the_providers_default_tags()
    {
        var f = new PolicyFixture();
        var provider = new ProviderResource(f.Blueprint, "aws-tagged", "aws", "7.48.0", new TaggedProviderArgs
        {
            DefaultTags = new DefaultTags { Tags = new Dictionary<string, object> { ["stack"] = "test", ["owner"] = "default-owner", ["cost"] = new Reference("cc") } },
        });
        var vpc = f.Add("vpc", Tokens.Vpc, new ResourceOptions { Provider = provider }, ("tags", Obj(("owner", "team-a"))), ("labels", List(Obj(("label", "x"), ("value", "y")))));
        Assert.Equal(new Dictionary<string, string?> { ["cost"] = null, ["owner"] = "team-a", ["stack"] = "test" }, Taggable.Tags(vpc));
        var plain = f.Add("subnet", Tokens.Subnet, ("tags", Obj(("owner", "team-a"))));
        Assert.Equal(new Dictionary<string, string?> { ["owner"] = "team-a" }, Taggable.Tags(plain));
        Assert.Equal("tags", Taggable.Property(vpc));
    }

    [Fact]
    public void Docker_labels_are_read_as_tags_and_docker_tags_are_not()
    {
        var f = new PolicyFixture(Tier.Laptop);
        var net = f.Add("net", Tokens.DockerNetwork, ("tags", Obj(("stack", "x"))), ("labels", List(
            Obj(("label", "stack"), ("value", "test")), Obj(("value", "orphan")), Obj(("label", "ref"), ("value", new Reference("x"))), "not-an-object")));
        Assert.Equal(new Dictionary<string, string?> { ["stack"] = "test", ["ref"] = null }, Taggable.Tags(net));
        Assert.Equal("labels", Taggable.Property(net));
    }

    [Fact]
    public void Taggable_resources_are_the_listed_types_and_other_aws_resources_that_set_tags()
    {
        var f = new PolicyFixture();
        var listed = Taggable.AwsTypes.Concat(Taggable.DockerTypes).ToList();
        for (var i = 0; i < listed.Count; i++) Assert.True(Taggable.Is(f.Add($"listed-{i}", listed[i])), listed[i]);
        Assert.True(Taggable.Is(f.Add("queue", "aws:sqs/queue:Queue", ("tags", Obj(("a", "b"))))));
        Assert.False(Taggable.Is(f.Add("untagged-queue", "aws:sqs/queue:Queue")));
        Assert.False(Taggable.Is(f.Add("plugin", "docker:index/plugin:Plugin", ("labels", List(Obj(("label", "a"), ("value", "b")))), ("tags", Obj(("a", "b"))))));
        Assert.False(Taggable.Is(f.Add("job", "nomad:index/job:Job", ("tags", Obj(("a", "b"))))));
        Assert.False(Taggable.Is(f.Add("svc", "kubernetes:core/v1:Service", ("tags", Obj(("a", "b"))))));
        Assert.False(Taggable.Is(f.Blueprint.Resources.First(r => r.IsProvider && r.Package == "aws")));
        Assert.All(Taggable.AwsTypes, t => Assert.StartsWith("aws:", t, StringComparison.Ordinal));
        Assert.All(Taggable.DockerTypes, t => Assert.StartsWith("docker:", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_find_the_bastion_by_name_or_tag_in_any_case()
    {
        var f = new PolicyFixture();
        Assert.True(Roles.IsBastion(f.Add("eu-bastion-1", Tokens.Instance)));
        Assert.True(Roles.IsBastion(f.Add("gate", Tokens.Instance, ("tags", Obj(("role", "BASTION"))))));
        Assert.True(Roles.IsBastion(f.Add("jump", Tokens.Instance, ("tags", Obj(("role", "bastion"))))));
        Assert.False(Roles.IsBastion(f.Add("app", Tokens.Instance, ("tags", Obj(("role", "bastions"))))));
        Assert.False(Roles.IsBastion(f.Add("other", Tokens.Instance, ("tags", Obj(("name", "bastion"))))));
    }

    [Fact]
    public void Launch_templates_are_found_by_id_or_name_and_only_for_instances()
    {
        var f = new PolicyFixture();
        var lt = f.Add("fleet-lt", Tokens.LaunchTemplate, ("instanceType", "t3.micro"), ("metadataOptions", Obj(("httpTokens", "required"))));
        var vpc = f.Add("vpc", Tokens.Vpc);
        var byName = f.Add("server-1", Tokens.Instance, ("launchTemplate", Obj(("name", Ref(lt, "name")))));
        var wrong = f.Add("server-2", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(vpc)))));
        var own = f.Add("server-3", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(lt)))), ("instanceType", "m6i.large"));
        var notInstance = f.Add("other-lt", Tokens.LaunchTemplate, ("launchTemplate", Obj(("id", Ref(lt)))));
        Assert.Same(lt, LaunchTemplates.Of(f.Blueprint, byName));
        Assert.Null(LaunchTemplates.Of(f.Blueprint, wrong));
        Assert.Null(LaunchTemplates.Of(f.Blueprint, notInstance));
        Assert.Equal("t3.micro", Props.String(LaunchTemplates.Get(f.Blueprint, byName, "instanceType")));
        Assert.Equal("m6i.large", Props.String(LaunchTemplates.Get(f.Blueprint, own, "instanceType")));
        Assert.Null(LaunchTemplates.Get(f.Blueprint, wrong, "instanceType"));
        Assert.Null(LaunchTemplates.Get(f.Blueprint, notInstance, "instanceType"));
    }

    [Fact]
    public void Load_balancer_kinds_and_listener_protocols()
    {
        var f = new PolicyFixture();
        Assert.True(LoadBalancers.IsApplication(f.Add("alb", Tokens.LoadBalancer)));
        Assert.True(LoadBalancers.IsApplication(f.Add("alb2", Tokens.LoadBalancer, ("loadBalancerType", "application"))));
        Assert.False(LoadBalancers.IsApplication(f.Add("gwlb", Tokens.LoadBalancer, ("loadBalancerType", "gateway"))));
        Assert.False(LoadBalancers.IsApplication(f.Add("listener", Tokens.Listener)));
        Assert.Equal("HTTP", LoadBalancers.Protocol(f.Add("l1", Tokens.Listener)));
        Assert.Equal("TCP", LoadBalancers.Protocol(f.Add("l2", Tokens.Listener, ("protocol", "tcp"))));
    }

    [Fact]
    public void Token_groups()
    {
        Assert.True(Tokens.IsBucket(Tokens.Bucket));
        Assert.True(Tokens.IsBucket(Tokens.BucketV2));
        Assert.False(Tokens.IsBucket(Tokens.BucketPublicAccessBlock));
        Assert.True(Tokens.IsServer(Tokens.Instance));
        Assert.True(Tokens.IsServer(Tokens.LaunchTemplate));
        Assert.False(Tokens.IsServer(Tokens.RdsInstance));
    }

    // Peer tables -----------------------------------------------------------------------------

    [Fact]
    public void A_peer_table_outside_cloud_config_is_not_read()
    {
        var document = $"write_files:\n  - path: {PeerTable.Path}\n    content: \"server-1 host-1 10.0.0.16 gateway\"\n";
        Assert.Null(PeerTables.Find(document));
        Assert.Equal("gateway", Assert.Single(PeerTables.Find(CloudInitUserData.Header + document)!).Services.Single());
    }

    [Fact]
    public void A_rule_without_a_protocol_has_an_empty_one()
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, ("ingress", List(Obj(("fromPort", 1)))));
        var rule = Assert.Single(SecurityRule.All(f.Blueprint));
        Assert.Equal("", rule.Protocol);
        Assert.False(rule.Covers(1));
    }

    [Fact]
    public void A_peer_table_is_found_only_in_cloud_config_that_writes_it()
    {
        var userData = CloudInitUserData.Render(Infra.Tests.Dc9.ProvisioningFixtures.Spec());
        var rows = PeerTables.Find(userData);
        Assert.NotNull(rows);
        Assert.NotEmpty(rows);

        Assert.Null(PeerTables.Find("#!/bin/sh\n" + PeerTable.Path));
        Assert.Null(PeerTables.Find(CloudInitUserData.Header + "\nwrite_files: []\n"));
        Assert.Null(PeerTables.Find(CloudInitUserData.Header + "\n# " + PeerTable.Path + "\nwrite_files: {}\n"));
        Assert.Null(PeerTables.Find(CloudInitUserData.Header + "\n# " + PeerTable.Path + "\n- a\n- b\n"));
        Assert.Null(PeerTables.Find(CloudInitUserData.Header + "\n# " + PeerTable.Path + "\nwrite_files: [\n"));
        Assert.Null(PeerTables.Find(CloudInitUserData.Header + "\nwrite_files:\n  - path: /etc/other\n    content: x\n  - path: " + PeerTable.Path + "\n"));
        Assert.Null(PeerTables.Find(CloudInitUserData.Header + "\n# " + PeerTable.Path + "\n"));
    }
}
