namespace Infra.Tools.ProviderGen;

/// <summary>The generated files as they are in the repository: compared, or written with stale ones removed.</summary>
public static class RepositoryFiles
{
    /// <summary>One line per file that is missing, stale (no longer generated) or different.</summary>
    public static IReadOnlyList<string> Compare(string root, IReadOnlyList<GeneratedFile> files)
    {
        var drift = new List<string>();
        var expected = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            if (!File.Exists(path)) drift.Add($"missing: {file.Path}");
            else if (File.ReadAllText(path) != file.Content) drift.Add($"changed: {file.Path}");
        }
        foreach (var existing in Existing(root))
        {
            if (!expected.ContainsKey(existing)) drift.Add($"not generated any more: {existing}");
        }
        return drift;
    }

    public static void Write(string root, IReadOnlyList<GeneratedFile> files)
    {
        var expected = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Existing(root).Where(p => !expected.Contains(p)))
            File.Delete(Path.Combine(root, stale));
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || File.ReadAllText(path) != file.Content) File.WriteAllText(path, file.Content);
        }
        foreach (var folder in Generator.OwnedFolders)
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full)) continue;
            foreach (var dir in Directory.GetDirectories(full, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
            }
        }
    }

    /// <summary>Every file now in the generator's folders, as repository-relative '/' paths.</summary>
    public static IEnumerable<string> Existing(string root) => Generator.OwnedFolders
        .Select(folder => Path.Combine(root, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
        .Where(path => !path.Contains("/bin/") && !path.Contains("/obj/"))
        .Order(StringComparer.Ordinal);
}
