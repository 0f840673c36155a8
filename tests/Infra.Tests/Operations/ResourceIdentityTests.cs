using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

/// <summary>
/// <c>infra diff</c> matches resources the way Pulumi does, by URN: stack, project, the chain of parent
/// types, the type and the logical name. A change of any of these is a replacement unless an alias names the old URN.
/// </summary>
public class ResourceIdentityTests
{
    private static readonly UrnScope Dc9 = new("dc9", "infra");

    private static readonly string Program = """
        resources:
          aws:
            type: pulumi:providers:aws
          fleet-role:
            type: aws:iam/role:Role
            options:
              provider: ${aws}
          fleet-template:
            type: aws:ec2/launchTemplate:LaunchTemplate
            options:
              provider: ${aws}
              parent: ${fleet-role}
          fleet-gateway-1:
            type: aws:ec2/instance:Instance
            properties:
              instanceType: m6i.large
            options:
              provider: ${aws}
              parent: ${fleet-template}

        """;

    private static ProgramDiff CompareWith(string head) => ProgramDiff.Compare(Program, head, Dc9);

    [Fact]
    public void A_URN_chains_every_parent_type_up_to_the_stack()
    {
        var identities = ProgramIdentities.Of(ProgramDocument.Parse(Program, "base"), Dc9);
        Assert.Equal("urn:pulumi:dc9::infra::aws:iam/role:Role::fleet-role", identities["fleet-role"].ToString());
        Assert.Equal("urn:pulumi:dc9::infra::aws:iam/role:Role$aws:ec2/launchTemplate:LaunchTemplate$aws:ec2/instance:Instance::fleet-gateway-1",
            identities["fleet-gateway-1"].ToString());
        Assert.Equal("urn:pulumi:dc9::infra::pulumi:providers:aws::aws", identities["aws"].ToString());
    }

    [Fact]
    public void The_name_field_is_the_logical_name()
    {
        var program = Program.Replace("  fleet-role:\n    type: aws:iam/role:Role\n", "  fleet-role:\n    type: aws:iam/role:Role\n    name: servers\n");
        var identities = ProgramIdentities.Of(ProgramDocument.Parse(program, "base"), Dc9);
        Assert.Equal("urn:pulumi:dc9::infra::aws:iam/role:Role::servers", identities["fleet-role"].ToString());
    }

    [Fact]
    public void A_new_parent_type_is_a_replacement_not_an_update()
    {
        var head = Program.Replace("      parent: ${fleet-template}\n", "      parent: ${fleet-role}\n");
        var server = Assert.Single(CompareWith(head).Resources);
        Assert.Equal(ResourceChangeKind.Replaced, server.Kind);
        var reason = Assert.Single(server.ReplacedBecause);
        Assert.Equal(ReplacementCause.Identity, reason.Cause);
        Assert.Contains("parent types aws:iam/role:Role$aws:ec2/launchTemplate:LaunchTemplate → aws:iam/role:Role", reason.Explanation);
        Assert.Equal("urn:pulumi:dc9::infra::aws:iam/role:Role$aws:ec2/launchTemplate:LaunchTemplate$aws:ec2/instance:Instance::fleet-gateway-1", server.OldUrn);
    }

    [Fact]
    public void A_type_change_anywhere_up_the_chain_replaces_every_descendant()
    {
        var head = Program.Replace("type: aws:iam/role:Role", "type: aws:iam/role:RoleV2");
        var diff = CompareWith(head);
        Assert.Equal(["fleet-role", "fleet-template", "fleet-gateway-1"], diff.Resources.Select(resource => resource.Name));
        Assert.All(diff.Resources, resource => Assert.Equal(ResourceChangeKind.Replaced, resource.Kind));
        Assert.Contains("type aws:iam/role:Role → aws:iam/role:RoleV2", diff.Resources[0].ReplacedBecause[0].Explanation);
        // The template's own type did not change: its parent's did.
        Assert.Contains("parent types aws:iam/role:Role → aws:iam/role:RoleV2", diff.Resources[1].ReplacedBecause[0].Explanation);
        Assert.Equal(3, diff.Replaced);
    }

    [Fact]
    public void Moving_to_another_parent_of_the_same_type_keeps_the_URN()
    {
        var program = Program.Replace("  fleet-gateway-1:", "  other-template:\n    type: aws:ec2/launchTemplate:LaunchTemplate\n    options:\n      parent: ${fleet-role}\n  fleet-gateway-1:");
        var head = program.Replace("      parent: ${fleet-template}\n", "      parent: ${other-template}\n");
        var server = Assert.Single(ProgramDiff.Compare(program, head, Dc9).Resources);
        Assert.Equal(ResourceChangeKind.Changed, server.Kind);
        Assert.Null(server.OldUrn);
    }

    [Fact]
    public void A_rename_without_alias_deletes_the_old_resource_and_creates_a_new_one()
    {
        var head = Program.Replace("  fleet-gateway-1:", "  fleet-gateway-01:");
        var diff = CompareWith(head);
        Assert.Equal((1, 1, 0), (diff.Added, diff.Removed, diff.Replaced));
    }

    [Fact]
    public void An_alias_URN_carries_a_renamed_resource_over()
    {
        var head = Program.Replace("  fleet-gateway-1:", "  fleet-gateway-01:")
            .Replace("      parent: ${fleet-template}\n", "      parent: ${fleet-template}\n      aliases:\n        - urn:pulumi:dc9::infra::aws:iam/role:Role$aws:ec2/launchTemplate:LaunchTemplate$aws:ec2/instance:Instance::fleet-gateway-1\n");
        var server = Assert.Single(CompareWith(head).Resources);
        Assert.Equal(("fleet-gateway-01", "fleet-gateway-1", ResourceChangeKind.Changed), (server.Name, server.OldName, server.Kind));
    }

    [Fact]
    public void An_alias_with_the_old_parent_carries_a_reparented_resource_over()
    {
        var head = Program.Replace("      parent: ${fleet-template}\n", "      parent: ${fleet-role}\n      aliases:\n        - parent: ${fleet-template}\n");
        var server = Assert.Single(CompareWith(head).Resources);
        Assert.Equal(ResourceChangeKind.Changed, server.Kind);
    }

    [Fact]
    public void An_alias_with_noParent_carries_over_a_resource_that_had_no_parent()
    {
        var head = Program.Replace("  fleet-role:\n    type: aws:iam/role:Role\n    options:\n      provider: ${aws}\n",
            "  fleet-role:\n    type: aws:iam/role:Role\n    options:\n      provider: ${aws}\n      parent: ${aws}\n      aliases:\n        - noParent: true\n");
        var diff = CompareWith(head);
        var role = Assert.Single(diff.Resources);
        Assert.Equal(("fleet-role", ResourceChangeKind.Changed), (role.Name, role.Kind));
    }

    [Fact]
    public void Children_inherit_their_parents_aliases()
    {
        // Retyping the role with a type alias keeps it, and its descendants too: their URNs contain the role's
        // type, and they inherit its alias.
        var head = Program.Replace("type: aws:iam/role:Role\n    options:\n      provider: ${aws}\n",
            "type: aws:iam/role:RoleV2\n    options:\n      provider: ${aws}\n      aliases:\n        - type: aws:iam/role:Role\n");
        var diff = CompareWith(head);
        Assert.Equal(0, diff.Replaced);
        Assert.Equal(["fleet-role"], diff.Resources.Select(resource => resource.Name));
        Assert.True(diff.Resources[0].TypeChanged);
    }

    [Fact]
    public void Urns_parse_back()
    {
        var urn = ResourceUrn.Parse("urn:pulumi:dc9::infra::aws:iam/role:Role$aws:ec2/instance:Instance::fleet::gateway")!;
        Assert.Equal(("dc9", "infra", "aws:ec2/instance:Instance", "fleet::gateway"), (urn.Stack, urn.Project, urn.Type, urn.Name));
        Assert.Equal(["aws:iam/role:Role"], urn.ParentTypes);
        Assert.Null(ResourceUrn.Parse("fleet-gateway-1"));
    }
}
