using System.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// The repository carries the validators its tests use (tests/validators), so a clone on its own runs the
/// same checks; this compares the copy with ../shared/validators byte for byte where that is present.
/// </summary>
public class ValidatorCopyTests
{
    private sealed class RequiresSharedValidatorsFactAttribute : FactAttribute
    {
        public RequiresSharedValidatorsFactAttribute()
        {
            if (!Directory.Exists(ValidatorSource.SharedDirectory))
                Skip = "../shared/validators is not beside the repository, so the copy in tests/validators cannot be compared " +
                       "with the reference here; it is compared wherever ../shared is present (locally and in CI).";
        }
    }

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [RequiresSharedValidatorsFact]
    public void The_copy_equals_the_reference_file_for_file()
    {
        var reference = Files(ValidatorSource.SharedDirectory);
        var copy = Files(ValidatorSource.CopyDirectory);
        Assert.Equal(reference.Keys, copy.Keys);
        var differing = reference.Keys.Where(k => !reference[k].AsSpan().SequenceEqual(copy[k])).ToList();
        Assert.True(differing.Count == 0,
            $"tests/validators differs from ../shared/validators in: {string.Join(", ", differing)}. Refresh it: cp -r ../shared/validators/. tests/validators/");
    }

    public static TheoryData<string, string, string> GoodFixtures() => new()
    {
        { "nomad/nomadcheck.py", "nomad/fixtures", "nomad/job-schema-v1.11.3.json nomad/docker-task-config-v1.11.3.json" },
        { "envoy/envoycheck.py", "envoy/fixtures", "envoy/envoy-api-v3.pb" },
    };

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void The_repository_copy_runs_and_tells_good_from_bad(string checker, string fixtures, string data)
    {
        var root = ValidatorSource.CopyDirectory;
        Assert.True(File.Exists("/usr/bin/python3"), "Debian's /usr/bin/python3 is needed for the validators (.ci/setup-debian.sh installs its packages).");
        // Every good fixture and two rejected ones: enough to show the copy runs and judges (the reference's own tests cover the rest).
        var all = Directory.GetFiles(Path.Combine(root, fixtures)).Order(StringComparer.Ordinal).ToList();
        var sample = all.Where(f => Path.GetFileName(f).StartsWith("good", StringComparison.Ordinal))
            .Concat(all.Where(f => Path.GetFileName(f).StartsWith("bad", StringComparison.Ordinal)).Take(2));
        foreach (var fixture in sample)
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(root, checker));
            foreach (var part in data.Split(' ')) start.ArgumentList.Add(Path.Combine(root, part));
            start.ArgumentList.Add(fixture);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            var good = Path.GetFileName(fixture).StartsWith("good", StringComparison.Ordinal);
            Assert.True(process.ExitCode == (good ? 0 : 1), $"{checker} on {Path.GetFileName(fixture)}: exit {process.ExitCode}\n{output}");
        }
    }
}
