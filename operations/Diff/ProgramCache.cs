namespace Infra.Operations.Diff;

/// <summary>
/// The programs a base commit's CLI printed, one file per stack beside that build. They depend on the commit alone
/// (its code and its stack files; synthesis is deterministic), except when Pulumi's own variables hand the CLI
/// another config: then nothing is read or kept.
/// </summary>
public sealed class ProgramCache(string folder)
{
    /// <summary>Only names that are plain file names are kept (a stack argument is user input).</summary>
    private static bool Keepable(string stack) =>
        stack.Length is > 0 and <= 100 && stack.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !stack.StartsWith('.');

    private static bool Applies =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_CONFIG")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_STACK"));

    /// <summary>Every stack's kept program, or null when one is missing (then the base CLI runs for the missing ones).</summary>
    public BasePrograms? Read(IReadOnlyList<string> stacks)
    {
        if (!Applies || stacks.Count == 0 || !stacks.All(Keepable)) return null;
        var programs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            var file = Path.Combine(folder, stack + ".yaml");
            if (!File.Exists(file)) return null;
            programs[stack] = File.ReadAllText(file);
        }
        return new BasePrograms(programs, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>Keeps each program, written whole and then moved into place, so a reader never sees half a file.</summary>
    public void Write(IReadOnlyDictionary<string, string> programs)
    {
        if (!Applies) return;
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (stack, program) in programs.Where(p => Keepable(p.Key)))
            {
                var file = Path.Combine(folder, stack + ".yaml");
                var partial = file + $".partial-{Guid.NewGuid():N}";
                File.WriteAllText(partial, program);
                File.Move(partial, file, overwrite: true);
            }
        }
        catch (IOException)
        {
            // A cache that cannot be written costs the next diff a synth, nothing else.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
