namespace Infra.Tests.Support;

/// <summary>A throw-away Pulumi project folder with the repository's Pulumi.yaml and the given stack files.</summary>
public sealed class TempProject : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("infra-test-").FullName;

    public TempProject(params (string Stack, string Yaml)[] stacks)
    {
        File.Copy(Path.Combine(RepoPaths.Root, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        foreach (var (stack, yaml) in stacks) WriteStack(stack, yaml);
    }

    public void WriteStack(string stack, string yaml) => File.WriteAllText(Path.Combine(Root, $"Pulumi.{stack}.yaml"), yaml);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
