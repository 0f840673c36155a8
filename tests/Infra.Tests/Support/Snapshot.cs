namespace Infra.Tests.Support;

/// <summary>
/// Compares a program with its committed snapshot, byte for byte. Snapshots are reviewed like code:
/// set UPDATE_SNAPSHOTS=1 to rewrite them, then read the diff before committing.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.Snapshots, name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}. Run with UPDATE_SNAPSHOTS=1 once, review it, and commit it.");
        var expected = File.ReadAllText(path);
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length))
            .FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{name} differs from its snapshot at line {line + 1}:\n" +
                    $"  snapshot: {expectedLines.ElementAtOrDefault(line)}\n" +
                    $"  actual:   {actualLines.ElementAtOrDefault(line)}\n" +
                    "If the change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff.");
    }
}
