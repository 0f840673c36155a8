namespace Infra.Tools.ProviderGen;

/// <summary>
/// The tokens the repository types and carries schemas for: one token per line, <c>#</c> starts a comment.
/// A token followed by <c>schema-only</c> goes into the schema subset (the tests look it up) but gets no
/// C# type (the suite never emits it, e.g. an SDK overlay that Pulumi YAML refuses).
/// </summary>
public sealed class AllowList
{
    public const string SchemaOnlyMarker = "schema-only";

    public sealed record Entry(string Token, bool SchemaOnly, int Line);

    public IReadOnlyList<Entry> Entries { get; }

    private AllowList(IReadOnlyList<Entry> entries) => Entries = entries;

    public static AllowList Parse(string text, string source)
    {
        var entries = new List<Entry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            var where = $"{source}:{i + 1}";
            if (words.Length > 2 || (words.Length == 2 && words[1] != SchemaOnlyMarker))
                throw new GeneratorException(
                    $"{where}: '{line.Trim()}' is not a token line. Write one token per line, optionally followed by '{SchemaOnlyMarker}'.");
            var token = words[0];
            if (token.Count(c => c == ':') < 2)
                throw new GeneratorException(
                    $"{where}: '{token}' is not a full token. Write it as the schema spells it, e.g. aws:ec2/vpc:Vpc or pulumi:providers:aws.");
            if (seen.TryGetValue(token, out var first))
                throw new GeneratorException($"{where}: '{token}' is listed twice (first on line {first}); keep one line.");
            seen[token] = i + 1;
            entries.Add(new Entry(token, words.Length == 2, i + 1));
        }
        return new AllowList(entries);
    }
}
