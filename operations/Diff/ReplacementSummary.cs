using System.Text;

namespace Infra.Operations.Diff;

/// <summary>"replaces 9 instances, 9 volume attachments": the line a reviewer must read before merging.</summary>
public static class ReplacementSummary
{
    /// <summary>Names shown per type before the rest is counted.</summary>
    private const int NamesPerType = 3;

    /// <summary><c>9 instances, 2 containers</c>, biggest group first; empty when nothing is replaced.</summary>
    public static string Counts(ProgramDiff diff) =>
        string.Join(", ", Groups(diff).Select(group => Noun(group.Key, group.Count())));

    /// <summary><c>9 instances (fleet-gateway-1, fleet-gateway-2, fleet-gateway-3, … 6 more)</c> per type.</summary>
    public static string CountsWithNames(ProgramDiff diff) =>
        string.Join(", ", Groups(diff).Select(group =>
        {
            var names = group.Select(resource => resource.Name).ToList();
            var shown = string.Join(", ", names.Take(NamesPerType));
            var more = names.Count > NamesPerType ? $", … {names.Count - NamesPerType} more" : "";
            return $"{Noun(group.Key, names.Count)} ({shown}{more})";
        }));

    /// <summary>The headline: <c>replaces 18 resources: 9 instances, 9 volume attachments</c>.</summary>
    public static string Headline(ProgramDiff diff) =>
        $"replaces {diff.Replaced} {(diff.Replaced == 1 ? "resource" : "resources")}: {Counts(diff)}";

    private static IEnumerable<IGrouping<string, ResourceChange>> Groups(ProgramDiff diff) =>
        diff.Replacements.GroupBy(resource => resource.Type)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal);

    /// <summary><c>aws:ec2/volumeAttachment:VolumeAttachment</c>, 9 → <c>9 volume attachments</c>.</summary>
    public static string Noun(string type, int count)
    {
        var name = type[(type.LastIndexOf(':') + 1)..];
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) words.Append(' ');
            words.Append(char.ToLowerInvariant(name[i]));
        }
        var noun = words.ToString();
        return count == 1 ? $"1 {noun}" : $"{count} {Plural(noun)}";
    }

    private static string Plural(string noun) =>
        noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal)
            ? noun + "es"
            : noun.EndsWith('y') && noun.Length > 1 && !"aeiou".Contains(noun[^2]) ? noun[..^1] + "ies"
            : noun + "s";
}
