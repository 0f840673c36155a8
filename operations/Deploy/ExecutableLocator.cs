namespace Infra.Operations.Deploy;

/// <summary>Finds an executable on PATH the way a shell would.</summary>
public static class ExecutableLocator
{
    public static string? Find(string name, string? path)
    {
        if (name.Contains(Path.DirectorySeparatorChar) || name.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(name) ? name : null;
        }
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : [""];
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
