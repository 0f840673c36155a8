using System.Collections.Concurrent;
using Infra.Tests.SchemaConformance;
using Infra.Tests.Support;
using Infra.Tools.ProviderGen;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// The generator run in memory, once per schema folder for the whole test run (reading aws.json takes
/// seconds): what tools/ProviderGen would write from that folder and the repository's allow-list.
/// </summary>
public static class ProviderGeneration
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<GeneratedFile>>> Runs = new(StringComparer.Ordinal);

    public const string RegenerateHint =
        "Regenerate with `dotnet run --project tools/ProviderGen` (it reads ../shared/schemas beside the repository), " +
        "review `git diff components/Providers` like a snapshot and commit it.";

    public static string AllowListText => File.ReadAllText(Path.Combine(RepoPaths.Root, Generator.AllowListPath));

    public static string SubsetDirectory => Path.Combine(RepoPaths.Root, SchemaSource.SubsetRelativePath);

    public static IReadOnlyList<GeneratedFile> From(string schemaDirectory) =>
        Runs.GetOrAdd(Path.GetFullPath(schemaDirectory),
            dir => new Lazy<IReadOnlyList<GeneratedFile>>(() => Generator.Generate(dir, AllowListText))).Value;

    /// <summary>The files under <paramref name="folder"/> that differ from what the repository holds, one line each.</summary>
    public static IReadOnlyList<string> Drift(IReadOnlyList<GeneratedFile> files, string folder)
    {
        var prefix = folder + "/";
        return RepositoryFiles.Compare(RepoPaths.Root, files)
            .Where(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }

    public static string Describe(IReadOnlyList<string> drift) =>
        $"{drift.Count} file(s) differ:{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", drift.Take(25)) +
        (drift.Count > 25 ? $"{Environment.NewLine}  ... and {drift.Count - 25} more" : "") +
        Environment.NewLine + RegenerateHint;
}
