using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// Pairs the resources of two programs by identity and decides, for each, whether Pulumi creates,
/// updates, replaces or deletes it. Replacements then spread: a resource whose replace-forcing property
/// (or provider) refers to a replaced resource is replaced too, one that refers to it elsewhere is updated.
/// </summary>
internal sealed class ImpactAnalysis
{
    private const string PulumiIdentity = "Pulumi: a URN is stack, project, parent types, type and name; a new URN is a delete and a create";
    private const string PulumiProvider = "Pulumi engine: a resource whose provider reference changes is replaced (step generator, providerChanged)";
    private const string PulumiReplaceOnChanges = "the program's options.replaceOnChanges";

    private readonly ProgramDocument before;
    private readonly ProgramDocument after;
    private readonly ProgramIdentities oldIds;
    private readonly ProgramIdentities newIds;

    public ImpactAnalysis(ProgramDocument before, ProgramDocument after, UrnScope scope)
    {
        this.before = before;
        this.after = after;
        oldIds = ProgramIdentities.Of(before, WithProgramName(scope, before));
        newIds = ProgramIdentities.Of(after, WithProgramName(scope, after));
    }

    /// <summary>One resource's judgement while the analysis runs.</summary>
    private sealed class Entry
    {
        public required string? OldKey { get; init; }
        public required string? NewKey { get; init; }
        public bool IdentityChanged { get; init; }
        public List<ValueChange> Properties { get; } = [];
        public List<ValueChange> Options { get; } = [];
        public List<ValueChange> Ignored { get; } = [];
        public List<ReplacementReason> Reasons { get; } = [];
        public List<string> Implied { get; } = [];
    }

    public List<ResourceChange> Run()
    {
        var entries = Pair();
        foreach (var entry in entries.Where(entry => entry.OldKey is not null && entry.NewKey is not null)) Classify(entry);
        Spread(entries);
        return [.. entries.Select(ToChange).OfType<ResourceChange>()];
    }

    /// <summary>Base order first (kept, replaced, removed), then resources only the head has: the diff reads in program order.</summary>
    private List<Entry> Pair()
    {
        var oldByUrn = before.Resources.Keys.ToDictionary(key => oldIds[key].ToString(), key => key, StringComparer.Ordinal);
        var newToOld = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);

        foreach (var key in after.Resources.Keys)
        {
            if (oldByUrn.TryGetValue(newIds[key].ToString(), out var old) && taken.Add(old)) newToOld[key] = old;
        }
        foreach (var key in after.Resources.Keys.Where(key => !newToOld.ContainsKey(key)))
        {
            foreach (var alias in newIds.AliasesOf(key))
            {
                if (oldByUrn.TryGetValue(alias.ToString(), out var old) && taken.Add(old))
                {
                    newToOld[key] = old;
                    break;
                }
            }
        }
        // Same key, different URN, nothing carried it over: Pulumi deletes the old URN and creates the new one.
        var identityChanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in after.Resources.Keys.Where(key => !newToOld.ContainsKey(key)))
        {
            if (before.Resources.ContainsKey(key) && taken.Add(key))
            {
                newToOld[key] = key;
                identityChanged.Add(key);
            }
        }

        var oldToNew = newToOld.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        var entries = new List<Entry>();
        foreach (var old in before.Resources.Keys)
        {
            var now = oldToNew.GetValueOrDefault(old);
            entries.Add(new Entry { OldKey = old, NewKey = now, IdentityChanged = now is not null && identityChanged.Contains(now) });
        }
        entries.AddRange(after.Resources.Keys.Where(key => !newToOld.ContainsKey(key)).Select(key => new Entry { OldKey = null, NewKey = key }));
        return entries;
    }

    private void Classify(Entry entry)
    {
        var oldResource = before.Resources[entry.OldKey!];
        var newResource = after.Resources[entry.NewKey!];
        var newProperties = Child(newResource, "properties") as YamlMappingNode;
        var options = ProgramIdentities.Options(newResource);
        var ignore = StringList(options, "ignoreChanges");
        var replaceOnChanges = StringList(options, "replaceOnChanges");
        var isRead = newResource.Children.ContainsKey(new YamlScalarNode("get"));

        var keys = oldResource.Children.Keys.Select(ValueText.KeyText)
            .Concat(newResource.Children.Keys.Select(ValueText.KeyText))
            .Where(key => key != "type")
            .Distinct();
        foreach (var key in keys)
        {
            foreach (var change in ValueDiffer.Compare(key, Child(oldResource, key), Child(newResource, key)))
            {
                if (key == "options") { entry.Options.Add(change); continue; }
                var relative = PropertyPath.UnderProperties(change.Path);
                if (relative is not null && ignore.Any(path => PropertyPath.IsUnder(relative, path))) { entry.Ignored.Add(change); continue; }
                entry.Properties.Add(change);
                if (relative is null || isRead) continue;
                if (Forces(relative, replaceOnChanges) is { } listed)
                {
                    entry.Reasons.Add(new ReplacementReason(ReplacementCause.ReplaceOnChanges, change.Path,
                        $"listed in replaceOnChanges ({listed})", PulumiReplaceOnChanges));
                }
                else if (ReplacingProperties.Find(ProgramDocument.TypeOf(newResource), relative, newProperties) is { } rule)
                {
                    entry.Reasons.Add(new ReplacementReason(ReplacementCause.Property, change.Path,
                        "the provider cannot update this property", rule.Describe(relative)));
                }
            }
        }

        if (entry.IdentityChanged)
        {
            entry.Reasons.Insert(0, new ReplacementReason(ReplacementCause.Identity, "urn",
                IdentityChange(oldIds[entry.OldKey!], newIds[entry.NewKey!]), PulumiIdentity));
        }
        if (entry.Options.Any(change => change.Path == "options.provider") && !IsProvider(newResource))
        {
            entry.Reasons.Add(new ReplacementReason(ReplacementCause.Provider, "options.provider", "its provider changes", PulumiProvider));
        }
    }

    /// <summary>Replacements reach the resources that refer to them, until nothing more changes.</summary>
    private void Spread(List<Entry> entries)
    {
        var changedVariables = before.Variables.Children.Keys.Select(ValueText.KeyText)
            .Concat(after.Variables.Children.Keys.Select(ValueText.KeyText))
            .Where(name => ValueText.Canonical(Child(before.Variables, name)) != ValueText.Canonical(Child(after.Variables, name)))
            .ToHashSet(StringComparer.Ordinal);

        bool progress;
        do
        {
            progress = false;
            var replaced = entries.Where(entry => entry.NewKey is not null && entry.OldKey is not null && entry.Reasons.Count > 0)
                .Select(entry => entry.NewKey!).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in entries.Where(entry => entry.OldKey is not null && entry.NewKey is not null))
            {
                progress |= Reach(entry, replaced, changedVariables);
            }
        }
        while (progress);
    }

    private bool Reach(Entry entry, HashSet<string> replaced, HashSet<string> changedVariables)
    {
        var resource = after.Resources[entry.NewKey!];
        var options = ProgramIdentities.Options(resource);
        var ignore = StringList(options, "ignoreChanges");
        var replaceOnChanges = StringList(options, "replaceOnChanges");
        var properties = Child(resource, "properties") as YamlMappingNode;
        var type = ProgramDocument.TypeOf(resource);
        var progress = false;

        if (entry.Reasons.Count == 0
            && options is not null && InterpolationReference.WholeReference(Child(options, "provider")) is { } provider && replaced.Contains(provider))
        {
            entry.Reasons.Add(new ReplacementReason(ReplacementCause.Provider, "options.provider", $"its provider {provider} is replaced", PulumiProvider));
            progress = true;
        }

        foreach (var site in ReferenceSite.In(properties))
        {
            var root = site.Reference.Root;
            string? why = null;
            if (replaced.Contains(root) && root != entry.NewKey) why = $"refers to {root}, which is replaced";
            else if (changedVariables.Contains(root)
                     && VariableAccess.Differs(Child(before.Variables, root), Child(after.Variables, root), site.Reference.Accessor))
                why = $"reads variable {root}{site.Reference.Accessor}, which changes";
            if (why is null || ignore.Any(path => PropertyPath.IsUnder(site.Path, path))) continue;

            var path = PropertyPath.PropertiesPrefix + site.Path;
            var forcing = Forces(site.Path, replaceOnChanges) is not null
                ? PulumiReplaceOnChanges
                : ReplacingProperties.Find(type, site.Path, properties)?.Describe(site.Path);
            if (forcing is not null)
            {
                if (entry.Reasons.Any(reason => reason.Path == path)) continue;
                var first = entry.Reasons.Count == 0;
                entry.Reasons.Add(new ReplacementReason(ReplacementCause.Dependency, path, $"{why}; the provider cannot update this property", forcing));
                progress |= first;
            }
            else
            {
                var line = $"{path} {why}";
                if (!entry.Implied.Contains(line)) entry.Implied.Add(line);
            }
        }
        return progress;
    }

    private ResourceChange? ToChange(Entry entry)
    {
        if (entry.NewKey is null)
        {
            var old = before.Resources[entry.OldKey!];
            return new ResourceChange(entry.OldKey!, ResourceChangeKind.Removed, ProgramDocument.TypeOf(old), null, [], [])
            {
                Urn = oldIds[entry.OldKey!].ToString(),
                Protected = IsTrue(ProgramIdentities.Options(old), "protect"),
            };
        }
        var resource = after.Resources[entry.NewKey];
        var type = ProgramDocument.TypeOf(resource);
        var urn = newIds[entry.NewKey].ToString();
        var options = ProgramIdentities.Options(resource);
        if (entry.OldKey is null)
        {
            return new ResourceChange(entry.NewKey, ResourceChangeKind.Added, type, null, [], []) { Urn = urn };
        }

        var oldType = ProgramDocument.TypeOf(before.Resources[entry.OldKey]);
        var oldUrn = oldIds[entry.OldKey].ToString();
        var replacedKind = entry.Reasons.Count > 0;
        // Carried over to a new URN by an alias (its own or a parent's) with nothing else changed: Pulumi only renames it in its state.
        if (!replacedKind && entry.Properties.Count == 0 && entry.Options.Count == 0 && entry.Implied.Count == 0
            && entry.Ignored.Count == 0 && oldType == type && entry.OldKey == entry.NewKey)
        {
            return null;
        }
        return new ResourceChange(entry.NewKey, replacedKind ? ResourceChangeKind.Replaced : ResourceChangeKind.Changed,
            type, oldType, entry.Properties, entry.Options)
        {
            Urn = urn,
            OldUrn = oldUrn == urn ? null : oldUrn,
            OldName = entry.OldKey == entry.NewKey ? null : entry.OldKey,
            ReplacedBecause = Grouped(entry.Reasons),
            ImpliedBy = replacedKind ? [] : entry.Implied,
            IgnoredChanges = entry.Ignored,
            DeletesBeforeReplacing = IsTrue(options, "deleteBeforeReplace"),
            Protected = IsTrue(options, "protect"),
        };
    }

    /// <summary>Several paths replaced for the same reason read as one line: <c>properties.envs[11], properties.envs[12]</c>.</summary>
    private static List<ReplacementReason> Grouped(List<ReplacementReason> reasons)
    {
        const int shownPaths = 3;
        return [.. reasons.GroupBy(reason => (reason.Cause, reason.Explanation, reason.Source)).Select(group =>
        {
            var paths = group.Select(reason => reason.Path).ToList();
            var text = string.Join(", ", paths.Take(shownPaths)) + (paths.Count > shownPaths ? $" and {paths.Count - shownPaths} more" : "");
            return group.First() with { Path = text };
        })];
    }

    private static string IdentityChange(ResourceUrn old, ResourceUrn now)
    {
        var parts = new List<string>();
        if (old.Name != now.Name) parts.Add($"name {old.Name} → {now.Name}");
        if (old.Type != now.Type) parts.Add($"type {old.Type} → {now.Type}");
        var oldParents = string.Join("$", old.ParentTypes);
        var newParents = string.Join("$", now.ParentTypes);
        if (oldParents != newParents) parts.Add($"parent types {Chain(oldParents)} → {Chain(newParents)}");
        if (parts.Count == 0) parts.Add("stack or project");
        return $"new URN ({string.Join("; ", parts)}) and no alias names the old one: {old} is deleted";

        static string Chain(string parents) => parents.Length == 0 ? "(stack)" : parents;
    }

    /// <summary>The <c>replaceOnChanges</c> entry that covers this property path, if any (<c>*</c> covers everything).</summary>
    private static string? Forces(string relativePath, IReadOnlyList<string> replaceOnChanges) =>
        replaceOnChanges.FirstOrDefault(path => path == "*" || PropertyPath.Overlaps(relativePath, path));

    private static bool IsProvider(YamlMappingNode resource) =>
        ProgramDocument.TypeOf(resource).StartsWith("pulumi:providers:", StringComparison.Ordinal);

    private static UrnScope WithProgramName(UrnScope scope, ProgramDocument program) =>
        Child(program.Settings, "name") is YamlScalarNode { Value: { Length: > 0 } name } ? scope with { Project = name } : scope;

    private static IReadOnlyList<string> StringList(YamlMappingNode? map, string key) =>
        map is not null && Child(map, key) is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlScalarNode>().Select(item => item.Value ?? "")]
            : [];

    private static bool IsTrue(YamlMappingNode? map, string key) =>
        map is not null && Child(map, key) is YamlScalarNode { Value: { } value } && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
