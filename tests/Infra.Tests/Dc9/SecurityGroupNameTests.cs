using System.Text.RegularExpressions;
using Infra.Constructs.Aws;
using Infra.Synthesis;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// EC2 refuses security group names that start with <c>sg-</c>, which is what Pulumi's autonaming makes of
/// the logical name <c>sg-alb</c>. Every group carries an explicit name prefix from the stack and its role.
/// </summary>
public class SecurityGroupNameTests
{
    // EC2 CreateSecurityGroup (GroupName in a VPC) and the AWS provider's name_prefix validation.
    private static readonly Regex Ec2GroupName = new(@"^[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]{1,229}$");

    private static Dictionary<string, YamlMappingNode> Groups(string yaml) =>
        ((YamlMappingNode)ProgramYaml.Parse(yaml)["resources"]).Children
            .Where(r => r.Value.At("type").Text() == "aws:ec2/securityGroup:SecurityGroup")
            .ToDictionary(r => r.Key.ToString(), r => (YamlMappingNode)r.Value.At("properties"));

    private static void AssertAcceptedByEc2(Dictionary<string, YamlMappingNode> groups)
    {
        Assert.NotEmpty(groups);
        foreach (var (name, properties) in groups)
        {
            Assert.True(properties.Has("namePrefix") || properties.Has("name"), $"{name} has no name, so Pulumi would autoname it '{name}-…'");
            var prefix = properties.Has("namePrefix") ? properties.At("namePrefix").Text() : properties.At("name").Text();
            Assert.False(prefix.StartsWith("sg-", StringComparison.OrdinalIgnoreCase), $"{name}: '{prefix}' starts with sg-");
            Assert.Matches(Ec2GroupName, prefix);
        }
    }

    [Fact]
    public void Every_group_of_the_dc9_program_has_a_name_prefix_from_the_stack_and_its_role()
    {
        var groups = Groups(Dc9Synth.Yaml());
        AssertAcceptedByEc2(groups);
        Assert.Equal(
            new Dictionary<string, string> { ["sg-alb"] = "dc9-sg-alb-", ["sg-bastion"] = "dc9-sg-bastion-", ["sg-servers"] = "dc9-sg-servers-" },
            groups.ToDictionary(g => g.Key, g => g.Value.At("namePrefix").Text()));
    }

    [Fact]
    public void A_stack_whose_name_starts_with_sg_still_gets_names_ec2_accepts()
    {
        var groups = Groups(Dc9Synth.Yaml(Dc9Synth.With("tier", "dc9"), stack: "sg-lab"));
        AssertAcceptedByEc2(groups);
        Assert.Equal("infra-sg-lab-sg-alb-", groups["sg-alb"].At("namePrefix").Text());
    }

    [Fact]
    public void A_prefix_ec2_would_refuse_is_a_clear_error()
    {
        var error = Assert.Throws<SynthesisException>(() => SecurityGroupName.Prefix(new string('a', 230), "alb"));
        Assert.Contains("at most 229 characters", error.Message);
        Assert.Throws<SynthesisException>(() => SecurityGroupName.Prefix("dc9~lab", "alb"));
        Assert.Equal("dc9-sg-servers-", SecurityGroupName.Prefix("dc9-sg", "servers"));
    }
}
