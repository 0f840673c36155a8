using System.Diagnostics;

namespace Infra.Tests.Support;

/// <summary>
/// The strict offline checkers in ../shared/validators (Envoy, Nomad), run with Debian's Python as their README
/// says. A missing folder or package fails the test with what is missing, never skips it.
/// </summary>
public static class SharedValidators
{
    public static string Folder => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "validators"));

    public const string NomadSchemaVersion = "1.11.3";

    /// <summary>Validates Nomad jobs in API JSON (each a file's text) against the pinned Nomad's schema and the docker driver's.</summary>
    public static (bool Ok, string Output) Nomad(IReadOnlyDictionary<string, string> jobs)
    {
        var dir = Path.Combine(Folder, "nomad");
        return Run(Path.Combine(dir, "nomadcheck.py"),
            [Path.Combine(dir, $"job-schema-v{NomadSchemaVersion}.json"), Path.Combine(dir, $"docker-task-config-v{NomadSchemaVersion}.json")], jobs, ".json");
    }

    /// <summary>Validates Envoy v3 messages of one type (a bootstrap when <paramref name="type"/> is null).</summary>
    public static (bool Ok, string Output) Envoy(IReadOnlyDictionary<string, string> configs, string? type = null)
    {
        var dir = Path.Combine(Folder, "envoy");
        List<string> args = [Path.Combine(dir, "envoy-api-v3.pb")];
        if (type is not null) args.AddRange(["--type", type]);
        return Run(Path.Combine(dir, "envoycheck.py"), args, configs, ".json");
    }

    private static (bool Ok, string Output) Run(string script, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> files, string extension)
    {
        Assert.True(File.Exists(script), $"{script} is missing: the shared validators live beside the repository (../shared/validators); without them the generated configuration cannot be checked.");
        Assert.True(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is missing: apt-get install -y python3 python3-jsonschema python3-protobuf python3-yaml");
        var work = Directory.CreateTempSubdirectory("validate-");
        try
        {
            var paths = files.Select(f =>
            {
                var path = Path.Combine(work.FullName, f.Key + extension);
                File.WriteAllText(path, f.Value);
                return path;
            }).ToList();
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])[script, .. args, .. paths]) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit(120_000);
            var output = stdout.Result + stderr;
            Assert.DoesNotContain("ModuleNotFoundError", output);
            return (process.ExitCode == 0, output);
        }
        finally { work.Delete(recursive: true); }
    }
}
