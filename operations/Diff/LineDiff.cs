namespace Infra.Operations.Diff;

/// <summary>Changed lines between two multi-line strings (scripts, user-data), by longest common subsequence.</summary>
public static class LineDiff
{
    /// <summary>Above this many lines on either side the LCS table would be too big; every line then counts as changed.</summary>
    private const int MaxLines = 2000;

    public static IReadOnlyList<string> Compute(string oldText, string newText)
    {
        var before = oldText.Split('\n');
        var after = newText.Split('\n');
        if (before.Length > MaxLines || after.Length > MaxLines)
        {
            return [.. before.Select(line => "- " + line), .. after.Select(line => "+ " + line)];
        }

        // lengths[i, j] = LCS length of before[i..] and after[j..]
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var changes = new List<string>();
        int a = 0, b = 0;
        while (a < before.Length || b < after.Length)
        {
            if (a < before.Length && b < after.Length && before[a] == after[b])
            {
                a++;
                b++;
            }
            else if (a < before.Length && (b == after.Length || lengths[a + 1, b] >= lengths[a, b + 1]))
            {
                changes.Add("- " + before[a++]);  // removals first, as unified diffs show them
            }
            else
            {
                changes.Add("+ " + after[b++]);
            }
        }
        return changes;
    }
}
