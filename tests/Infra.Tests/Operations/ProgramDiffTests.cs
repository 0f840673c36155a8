using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

public class ProgramDiffTests
{
    private const string Base = """
        name: infra
        runtime: yaml
        config:
          infra:dbPassword:
            type: string
            secret: true
        resources:
          docker:
            type: pulumi:providers:docker
            properties:
              version: 4.5.0
          net:
            type: docker:index/network:Network
            properties:
              name: platform
          server-0:
            type: docker:index/container:Container
            properties:
              image: platform:1.4.2
              ports:
                - internal: 8080
                  external: 8080
                - internal: 9090
                  external: 9090
              envs:
                - A=1
                - B=2
                - C=3
              labels:
                kubernetes.io/role: server
              command: "echo $${HOME}"
            options:
              provider: ${docker}
              protect: false
              dependsOn:
                - ${net}
          db:
            type: docker:index/container:Container
            properties:
              image: postgres:16
              envs:
                - fn::secret: ${infra:dbPassword}
              password: hunter2-old
        outputs:
          url: http://localhost:8080
          removedOutput: 1
        """;

    private static ProgramDiff CompareWith(string head) => ProgramDiff.Compare(Base, head);

    [Fact]
    public void Identical_programs_have_no_changes()
    {
        var diff = CompareWith(Base);
        Assert.True(diff.IsEmpty);
        Assert.Equal("+0 ~0 -0", diff.Counts);
    }

    [Fact]
    public void Key_order_inside_mappings_is_not_a_change()
    {
        var head = Base.Replace("- internal: 8080\n          external: 8080", "- external: 8080\n          internal: 8080");
        Assert.NotEqual(Base, head);
        Assert.True(ProgramDiff.Compare(Base, head).IsEmpty);
    }

    [Fact]
    public void Added_resource_is_reported_with_its_type()
    {
        var head = Base.Replace("outputs:\n", "  cache:\n    type: docker:index/container:Container\n    properties:\n      image: redis:7\noutputs:\n");
        var diff = CompareWith(head);
        var added = Assert.Single(diff.Resources);
        Assert.Equal(("cache", ResourceChangeKind.Added, "docker:index/container:Container"), (added.Name, added.Kind, added.Type));
        Assert.Equal("+1 ~0 -0", diff.Counts);
    }

    [Fact]
    public void Removed_resource_is_reported()
    {
        var head = Base.Replace("  net:\n    type: docker:index/network:Network\n    properties:\n      name: platform\n", "");
        var diff = CompareWith(head);
        var removed = Assert.Single(diff.Resources, change => change.Kind == ResourceChangeKind.Removed);
        Assert.Equal("net", removed.Name);
        Assert.Equal(1, diff.Removed);
    }

    [Fact]
    public void Nested_change_is_reported_at_its_full_path_with_old_and_new()
    {
        var head = Base.Replace("external: 9090", "external: 19090");
        var change = Assert.Single(Assert.Single(CompareWith(head).Resources).PropertyChanges);
        Assert.Equal("properties.ports[1].external", change.Path);
        Assert.Equal((ChangeKind.Changed, "9090", "19090"), (change.Kind, change.OldValue, change.NewValue));
    }

    [Fact]
    public void Keys_that_are_not_identifiers_are_quoted_in_the_path()
    {
        var head = Base.Replace("kubernetes.io/role: server", "kubernetes.io/role: agent");
        var change = Assert.Single(Assert.Single(CompareWith(head).Resources).PropertyChanges);
        Assert.Equal("properties.labels[\"kubernetes.io/role\"]", change.Path);
        Assert.Equal("\"server\"", change.OldValue);
    }

    [Fact]
    public void Escaped_dollar_is_displayed_as_the_literal_it_stands_for()
    {
        var head = Base.Replace("echo $${HOME}", "echo $${USER}");
        var change = Assert.Single(Assert.Single(CompareWith(head).Resources).PropertyChanges);
        Assert.Equal("\"echo ${HOME}\"", change.OldValue);
        Assert.Equal("\"echo ${USER}\"", change.NewValue);
    }

    [Fact]
    public void List_reorder_is_one_reorder_not_a_change_per_index()
    {
        var head = Base.Replace("- A=1\n        - B=2\n        - C=3", "- C=3\n        - A=1\n        - B=2");
        var change = Assert.Single(Assert.Single(CompareWith(head).Resources).PropertyChanges);
        Assert.Equal(("properties.envs", ChangeKind.Reordered), (change.Path, change.Kind));
        Assert.Equal("[\"A=1\", \"B=2\", \"C=3\"]", change.OldValue);
        Assert.Equal("[\"C=3\", \"A=1\", \"B=2\"]", change.NewValue);
    }

    [Fact]
    public void Inserting_into_a_list_reports_only_the_inserted_item()
    {
        var head = Base.Replace("- A=1\n        - B=2", "- A=1\n        - A2=9\n        - B=2");
        var change = Assert.Single(Assert.Single(CompareWith(head).Resources).PropertyChanges);
        Assert.Equal(("properties.envs[1]", ChangeKind.Added, "\"A2=9\""), (change.Path, change.Kind, change.NewValue));
    }

    [Fact]
    public void Option_changes_are_separate_from_property_changes()
    {
        var head = Base.Replace("protect: false", "protect: true")
            .Replace("      dependsOn:\n        - ${net}\n", "      dependsOn:\n        - ${net}\n      parent: ${net}\n");
        var resource = Assert.Single(CompareWith(head).Resources);
        Assert.Empty(resource.PropertyChanges);
        Assert.Collection(resource.OptionChanges,
            protect => Assert.Equal(("options.protect", ChangeKind.Changed, "false", "true"), (protect.Path, protect.Kind, protect.OldValue, protect.NewValue)),
            parent => Assert.Equal(("options.parent", ChangeKind.Added, "\"${net}\""), (parent.Path, parent.Kind, parent.NewValue)));
    }

    [Fact]
    public void Type_change_is_reported_as_a_replacement()
    {
        var head = Base.Replace("type: docker:index/network:Network", "type: docker:index/networkV2:Network");
        var resource = Assert.Single(CompareWith(head).Resources);
        Assert.True(resource.TypeChanged);
        Assert.Equal("docker:index/network:Network", resource.OldType);
        Assert.Contains("replaces", ChangeLine.TypeChange(resource));
    }

    [Fact]
    public void Secret_values_and_secret_named_properties_are_masked()
    {
        var head = Base.Replace("password: hunter2-old", "password: hunter2-new")
            .Replace("- fn::secret: ${infra:dbPassword}", "- fn::secret: ${infra:otherPassword}");
        var resource = Assert.Single(CompareWith(head).Resources);
        Assert.Equal(2, resource.PropertyChanges.Count);
        Assert.All(resource.PropertyChanges, change =>
        {
            Assert.True(change.IsSecret);
            Assert.Equal(SecretMask.Placeholder, change.OldValue);
            Assert.Equal(SecretMask.Placeholder, change.NewValue);
        });
        var rendered = TerminalDiffRenderer.Render(new DiffReport("main", [new TierDiff("laptop", CompareWith(head))]));
        Assert.DoesNotContain("hunter2", rendered);
        Assert.DoesNotContain("otherPassword", rendered);
    }

    [Fact]
    public void A_secret_inside_an_added_value_is_masked_too()
    {
        var head = Base.Replace("url: http://localhost:8080", "url: http://localhost:8080\n  admin:\n    user: root\n    apiToken: tok-123");
        var diff = CompareWith(head);
        var output = Assert.Single(diff.OutputChanges, change => change.Path == "admin");
        Assert.Equal("{user: \"root\", apiToken: [secret]}", output.NewValue);
    }

    [Fact]
    public void Outputs_and_config_changes_are_reported()
    {
        var head = Base.Replace("url: http://localhost:8080\n  removedOutput: 1", "url: http://localhost:9090")
            .Replace("    secret: true", "    secret: true\n  infra:replicas:\n    type: integer\n    default: 3");
        var diff = CompareWith(head);
        Assert.Empty(diff.Resources);
        Assert.Collection(diff.OutputChanges,
            url => Assert.Equal(("url", ChangeKind.Changed), (url.Path, url.Kind)),
            removed => Assert.Equal(("removedOutput", ChangeKind.Removed), (removed.Path, removed.Kind)));
        var config = Assert.Single(diff.ConfigChanges);
        Assert.Equal(("[\"infra:replicas\"]", ChangeKind.Added), (config.Path, config.Kind));
    }

    [Fact]
    public void Multi_line_strings_report_the_changed_lines()
    {
        const string before = "resources:\n  vm:\n    type: aws:ec2/instance:Instance\n    properties:\n      userData: |\n        #!/bin/sh\n        apt-get update\n        systemctl start platform\n";
        var after = before.Replace("apt-get update", "apt-get update -q").Replace("start platform", "start platform\n        echo done");
        var change = Assert.Single(Assert.Single(ProgramDiff.Compare(before, after).Resources).PropertyChanges);
        Assert.Equal(["- apt-get update", "+ apt-get update -q", "+ echo done"], change.LineChanges!);
    }

    [Fact]
    public void An_empty_base_means_every_resource_is_added()
    {
        var diff = ProgramDiff.Compare("", Base);
        Assert.Equal(4, diff.Added);
    }

    [Fact]
    public void Invalid_yaml_names_the_side_and_the_line()
    {
        var error = Assert.Throws<ProgramParseException>(() => ProgramDiff.Compare(Base, "resources:\n  a: [unclosed\n"));
        Assert.Contains("head program", error.Message);
        Assert.Contains("line", error.Message);
    }
}
