namespace Infra.Stacks;

/// <summary>The Pulumi project the suite lives in: the folder holding <c>Pulumi.yaml</c> and the stack files.</summary>
public sealed record ProjectDirectory(string Root)
{
    public const string ProjectFile = "Pulumi.yaml";

    public string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");

    /// <summary>The project containing <paramref name="start"/> (searching upwards), as Pulumi itself does.</summary>
    public static ProjectDirectory Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile))) return new ProjectDirectory(dir.FullName);
        }
        throw new Infra.Synthesis.SynthesisException(
            $"No {ProjectFile} in {start} or any folder above it. Run infra inside the repository, or pass --project-dir.");
    }
}
