namespace Infra.Operations;

/// <summary>Finds the Pulumi project root (the folder with Pulumi.yaml) from where a command is run.</summary>
public static class ProjectLocator
{
    public static string Find(string startDirectory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(startDirectory)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pulumi.yaml"))) return folder.FullName;
        }
        return Path.GetFullPath(startDirectory);
    }
}
