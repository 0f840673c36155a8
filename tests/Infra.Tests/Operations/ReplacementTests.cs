using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

/// <summary>
/// Which property changes replace a resource: the curated list (with sources), the program's
/// <c>replaceOnChanges</c>, provider changes, and replacements spreading to the resources that refer to them.
/// </summary>
public class ReplacementTests
{
    private const string Fleet = """
        variables:
          zones:
            - eu-west-1a
            - eu-west-1b
        resources:
          aws:
            type: pulumi:providers:aws
            properties:
              region: eu-west-1
          server-1-data:
            type: aws:ebs/volume:Volume
            properties:
              availabilityZone: ${zones[0]}
              size: 50
            options:
              provider: ${aws}
          server-1:
            type: aws:ec2/instance:Instance
            properties:
              instanceType: m6i.large
              subnetId: subnet-a
              privateIp: "10.0.64.64"
              userData: "#!/bin/sh\necho 1"
            options:
              provider: ${aws}
          server-1-attach:
            type: aws:ec2/volumeAttachment:VolumeAttachment
            properties:
              deviceName: /dev/sdf
              instanceId: ${server-1.id}
              volumeId: ${server-1-data.id}
            options:
              provider: ${aws}
          server-1-dns:
            type: aws:route53/record:Record
            properties:
              zoneId: Z1
              name: server-1.example.com
              type: A
              records:
                - ${server-1.privateIp}
            options:
              provider: ${aws}
        """;

    private static ProgramDiff CompareWith(string head) => ProgramDiff.Compare(Fleet, head);

    private static ResourceChange Only(ProgramDiff diff, string name) => Assert.Single(diff.Resources, resource => resource.Name == name);

    [Fact]
    public void A_property_the_provider_cannot_update_replaces_the_resource_and_says_why()
    {
        var diff = CompareWith(Fleet.Replace("privateIp: \"10.0.64.64\"", "privateIp: \"10.0.64.65\""));
        var server = Only(diff, "server-1");
        Assert.Equal(ResourceChangeKind.Replaced, server.Kind);
        var reason = server.ReplacedBecause[0];
        Assert.Equal((ReplacementCause.Property, "properties.privateIp"), (reason.Cause, reason.Path));
        Assert.Contains("terraform-provider-aws aws_instance", reason.Source);
        Assert.Contains("ForceNew", reason.Source);
    }

    [Fact]
    public void A_property_the_provider_updates_is_an_update()
    {
        var server = Assert.Single(CompareWith(Fleet.Replace("instanceType: m6i.large", "instanceType: m6i.xlarge")).Resources);
        Assert.Equal(ResourceChangeKind.Changed, server.Kind);
        Assert.Empty(server.ReplacedBecause);
    }

    [Fact]
    public void User_data_replaces_an_instance_only_with_userDataReplaceOnChange()
    {
        var changed = Fleet.Replace("echo 1", "echo 2");
        Assert.Equal(ResourceChangeKind.Changed, Only(CompareWith(changed), "server-1").Kind);

        var replacing = changed.Replace("      subnetId: subnet-a\n", "      subnetId: subnet-a\n      userDataReplaceOnChange: true\n");
        var before = Fleet.Replace("      subnetId: subnet-a\n", "      subnetId: subnet-a\n      userDataReplaceOnChange: true\n");
        var server = Only(ProgramDiff.Compare(before, replacing), "server-1");
        Assert.Equal(ResourceChangeKind.Replaced, server.Kind);
        Assert.Contains("userDataReplaceOnChange is true", server.ReplacedBecause[0].Source);
    }

    [Fact]
    public void A_replacement_spreads_through_properties_that_force_replacement_and_updates_the_others()
    {
        var diff = CompareWith(Fleet.Replace("subnetId: subnet-a", "subnetId: subnet-b"));
        Assert.Equal(ResourceChangeKind.Replaced, Only(diff, "server-1").Kind);

        var attach = Only(diff, "server-1-attach");
        Assert.Equal(ResourceChangeKind.Replaced, attach.Kind);
        Assert.Equal((ReplacementCause.Dependency, "properties.instanceId"), (attach.ReplacedBecause[0].Cause, attach.ReplacedBecause[0].Path));
        Assert.Contains("refers to server-1, which is replaced", attach.ReplacedBecause[0].Explanation);

        // The DNS record's records are updatable: it is updated with the new address, not replaced.
        var dns = Only(diff, "server-1-dns");
        Assert.Equal(ResourceChangeKind.Changed, dns.Kind);
        Assert.Empty(dns.PropertyChanges);
        Assert.Equal(["properties.records[0] refers to server-1, which is replaced"], dns.ImpliedBy);

        // The data volume does not refer to the server: untouched.
        Assert.DoesNotContain(diff.Resources, resource => resource.Name == "server-1-data");
    }

    [Fact]
    public void A_variable_read_along_its_path_changes_only_what_reads_a_changed_element()
    {
        var appended = CompareWith(Fleet.Replace("    - eu-west-1b\n", "    - eu-west-1b\n    - eu-west-1c\n"));
        Assert.Empty(appended.Resources);

        var moved = CompareWith(Fleet.Replace("    - eu-west-1a\n    - eu-west-1b\n", "    - eu-west-1c\n    - eu-west-1b\n"));
        var volume = Only(moved, "server-1-data");
        Assert.Equal(ResourceChangeKind.Replaced, volume.Kind);
        Assert.Contains("reads variable zones[0], which changes", volume.ReplacedBecause[0].Explanation);
        Assert.Equal(ResourceChangeKind.Replaced, Only(moved, "server-1-attach").Kind);
    }

    [Fact]
    public void The_programs_replaceOnChanges_and_deleteBeforeReplace_are_respected()
    {
        var options = "      provider: ${aws}\n      replaceOnChanges:\n        - instanceType\n      deleteBeforeReplace: true\n";
        var before = Fleet.Replace("    options:\n      provider: ${aws}\n  server-1-attach:", "    options:\n" + options + "  server-1-attach:");
        var server = Only(ProgramDiff.Compare(before, before.Replace("instanceType: m6i.large", "instanceType: m6i.xlarge")), "server-1");
        Assert.Equal(ResourceChangeKind.Replaced, server.Kind);
        Assert.Equal(ReplacementCause.ReplaceOnChanges, server.ReplacedBecause[0].Cause);
        Assert.True(server.DeletesBeforeReplacing);
        Assert.Contains(ChangeLine.Replacement(server), line => line.Contains("deleteBeforeReplace"));
    }

    [Fact]
    public void Changes_under_ignoreChanges_are_shown_apart_and_never_count()
    {
        var before = Fleet.Replace("      provider: ${aws}\n  server-1-attach:", "      provider: ${aws}\n      ignoreChanges:\n        - privateIp\n  server-1-attach:");
        var diff = ProgramDiff.Compare(before, before.Replace("privateIp: \"10.0.64.64\"", "privateIp: \"10.0.64.65\""));
        Assert.Empty(diff.Resources);
        var ignored = Assert.Single(diff.Ignored);
        Assert.Equal("properties.privateIp", Assert.Single(ignored.IgnoredChanges).Path);
        Assert.False(diff.IsEmpty);
        Assert.Contains("ignoreChanges", TerminalDiffRenderer.Render(new DiffReport("main", [new TierDiff("dc9", diff)])));
    }

    [Fact]
    public void A_new_provider_reference_replaces_and_a_replaced_provider_replaces_what_it_manages()
    {
        var twoProviders = Fleet.Replace("resources:\n", "resources:\n  aws-2:\n    type: pulumi:providers:aws\n");
        var moved = ProgramDiff.Compare(twoProviders, twoProviders.Replace("      instanceType: m6i.large\n", "      instanceType: m6i.large\n").Replace(
            "      userData: \"#!/bin/sh\\necho 1\"\n    options:\n      provider: ${aws}", "      userData: \"#!/bin/sh\\necho 1\"\n    options:\n      provider: ${aws-2}"));
        var server = Only(moved, "server-1");
        Assert.Equal((ResourceChangeKind.Replaced, ReplacementCause.Provider), (server.Kind, server.ReplacedBecause[0].Cause));

        // Retyping the provider gives it a new URN: everything it manages is replaced.
        var retyped = CompareWith(Fleet.Replace("type: pulumi:providers:aws", "type: pulumi:providers:aws-native"));
        Assert.Equal(5, retyped.Replaced);
        Assert.Contains("its provider aws is replaced", Only(retyped, "server-1-data").ReplacedBecause[0].Explanation);
    }

    [Fact]
    public void Counts_add_replacements_and_the_summary_names_them()
    {
        var diff = CompareWith(Fleet.Replace("subnetId: subnet-a", "subnetId: subnet-b"));
        Assert.Equal("+0 ~1 -0 +-2", diff.Counts);
        Assert.Equal("replaces 2 resources: 1 instance, 1 volume attachment", ReplacementSummary.Headline(diff));
    }

    [Theory]
    [InlineData("aws:ec2/instance:Instance", 9, "9 instances")]
    [InlineData("aws:ec2/volumeAttachment:VolumeAttachment", 9, "9 volume attachments")]
    [InlineData("aws:ec2/securityGroup:SecurityGroup", 1, "1 security group")]
    [InlineData("aws:ec2/subnetCidrReservation:SubnetCidrReservation", 2, "2 subnet cidr reservations")]
    [InlineData("docker:index/remoteImage:RemoteImage", 3, "3 remote images")]
    [InlineData("aws:lb/listenerRule:ListenerRule", 2, "2 listener rules")]
    [InlineData("aws:iam/rolePolicy:RolePolicy", 2, "2 role policies")]
    [InlineData("aws:ec2/eip:Eip", 2, "2 eips")]
    public void Replaced_types_read_as_plain_nouns(string type, int count, string expected) =>
        Assert.Equal(expected, ReplacementSummary.Noun(type, count));
}
