using Infra.Cli;
using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

/// <summary>The diff on programs from the real synthesis core: a config change shows up as property changes.</summary>
public sealed class RealSynthesisDiffTests : IDisposable
{
    private readonly string project = Directory.CreateTempSubdirectory("infra-real-diff-").FullName;

    public void Dispose() => Directory.Delete(project, recursive: true);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Infra.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Infra.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Changing_the_laptop_http_port_changes_only_port_properties()
    {
        var root = RepositoryRoot();
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"));
        var stackFile = Path.Combine(project, "Pulumi.laptop.yaml");
        File.Copy(Path.Combine(root, "Pulumi.laptop.yaml"), stackFile);
        var synthesizer = new StackProgramSynthesizer();

        var before = synthesizer.Synthesize(project, "laptop");
        Assert.True(ProgramDiff.Compare(before, synthesizer.Synthesize(project, "laptop")).IsEmpty, "synthesis is deterministic");

        var config = File.ReadAllText(stackFile);
        Assert.Contains("infra:httpPort: \"8080\"", config);
        File.WriteAllText(stackFile, config.Replace("infra:httpPort: \"8080\"", "infra:httpPort: \"8081\""));
        var diff = ProgramDiff.Compare(before, synthesizer.Synthesize(project, "laptop"));

        Assert.Equal(0, diff.Added + diff.Removed);
        var changes = diff.Resources.SelectMany(resource => resource.PropertyChanges).ToList();
        Assert.NotEmpty(changes);
        Assert.Contains(changes, change => change.OldValue!.Contains("8080") && change.NewValue!.Contains("8081"));
        Assert.All(diff.Resources, resource => Assert.Empty(resource.OptionChanges));
    }

    [Fact]
    public void A_stack_with_operations_keys_still_synthesizes()
    {
        var root = RepositoryRoot();
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"));
        var stackFile = Path.Combine(project, "Pulumi.laptop.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(Path.Combine(root, "Pulumi.laptop.yaml")) +
            "  infra:deployOnPush: false\n  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n    weekendDown: \"Fri 20:00\"\n");

        var program = new StackProgramSynthesizer().Synthesize(project, "laptop");
        Assert.Contains("resources:", program);
        var settings = Infra.Operations.StackConfigFile.Load(project, "laptop").Schedule!;
        Assert.Equal("Europe/Berlin", settings.TimeZone.Id);
    }
}
