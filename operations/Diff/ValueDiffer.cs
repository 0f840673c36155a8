using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>Walks two YAML values side by side and lists every differing path.</summary>
public static class ValueDiffer
{
    public static List<ValueChange> Compare(string path, YamlNode? before, YamlNode? after, bool secret = false)
    {
        var changes = new List<ValueChange>();
        Walk(path, before, after, secret, changes);
        return changes;
    }

    private static void Walk(string path, YamlNode? before, YamlNode? after, bool secret, List<ValueChange> changes)
    {
        if (before is null && after is null) return;
        secret = secret || SecretMask.IsSecretValue(before) || SecretMask.IsSecretValue(after);

        if (before is null)
        {
            changes.Add(new ValueChange(path, ChangeKind.Added, null, Show(after, secret), secret));
            return;
        }
        if (after is null)
        {
            changes.Add(new ValueChange(path, ChangeKind.Removed, Show(before, secret), null, secret));
            return;
        }
        if (ValueText.Canonical(before) == ValueText.Canonical(after)) return;

        if (secret)
        {
            changes.Add(new ValueChange(path, ChangeKind.Changed, SecretMask.Placeholder, SecretMask.Placeholder, true));
            return;
        }

        switch (before, after)
        {
            case (YamlMappingNode oldMap, YamlMappingNode newMap):
                WalkMappings(path, oldMap, newMap, changes);
                return;
            case (YamlSequenceNode oldList, YamlSequenceNode newList):
                WalkSequences(path, oldList, newList, changes);
                return;
        }

        IReadOnlyList<string>? lines = null;
        if (ValueText.IsMultiLine(before) || ValueText.IsMultiLine(after))
        {
            lines = LineDiff.Compute(
                ValueText.Unescape(((before as YamlScalarNode)?.Value) ?? ValueText.Display(before)),
                ValueText.Unescape(((after as YamlScalarNode)?.Value) ?? ValueText.Display(after)));
        }
        changes.Add(new ValueChange(path, ChangeKind.Changed, ValueText.Display(before), ValueText.Display(after), false, lines));
    }

    private static void WalkMappings(string path, YamlMappingNode before, YamlMappingNode after, List<ValueChange> changes)
    {
        var oldByKey = before.Children.ToDictionary(pair => ValueText.KeyText(pair.Key), pair => pair.Value);
        var newByKey = after.Children.ToDictionary(pair => ValueText.KeyText(pair.Key), pair => pair.Value);
        // Base order first, then keys new in head: the diff reads in program order.
        var keys = oldByKey.Keys.Concat(newByKey.Keys.Where(key => !oldByKey.ContainsKey(key)));
        foreach (var key in keys)
        {
            Walk(ValueText.Member(path, key), oldByKey.GetValueOrDefault(key), newByKey.GetValueOrDefault(key),
                SecretMask.IsSecretName(key), changes);
        }
    }

    private static void WalkSequences(string path, YamlSequenceNode before, YamlSequenceNode after, List<ValueChange> changes)
    {
        var oldItems = before.Children.Select(ValueText.Canonical).ToList();
        var newItems = after.Children.Select(ValueText.Canonical).ToList();

        if (oldItems.Count == newItems.Count
            && oldItems.Order(StringComparer.Ordinal).SequenceEqual(newItems.Order(StringComparer.Ordinal)))
        {
            changes.Add(new ValueChange(path, ChangeKind.Reordered, ValueText.Display(before), ValueText.Display(after)));
            return;
        }

        if (oldItems.Count == newItems.Count)
        {
            for (var i = 0; i < oldItems.Count; i++)
            {
                Walk(ValueText.Index(path, i), before.Children[i], after.Children[i], false, changes);
            }
            return;
        }

        // Lengths differ: match equal items, so inserting one item reports one addition, not a shifted tail.
        var unmatchedNew = new List<int>(Enumerable.Range(0, newItems.Count));
        var removed = new List<int>();
        for (var i = 0; i < oldItems.Count; i++)
        {
            var match = unmatchedNew.FindIndex(j => newItems[j] == oldItems[i]);
            if (match >= 0) unmatchedNew.RemoveAt(match);
            else removed.Add(i);
        }

        // A removed and an added item at the same index are one edit of that item.
        foreach (var index in removed.Intersect(unmatchedNew).ToList())
        {
            Walk(ValueText.Index(path, index), before.Children[index], after.Children[index], false, changes);
            removed.Remove(index);
            unmatchedNew.Remove(index);
        }
        foreach (var i in removed)
        {
            changes.Add(new ValueChange(ValueText.Index(path, i), ChangeKind.Removed, ValueText.Display(before.Children[i]), null));
        }
        foreach (var j in unmatchedNew)
        {
            changes.Add(new ValueChange(ValueText.Index(path, j), ChangeKind.Added, null, ValueText.Display(after.Children[j])));
        }
    }

    private static string Show(YamlNode? node, bool secret) => secret ? SecretMask.Placeholder : ValueText.Display(node);
}
