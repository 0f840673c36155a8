namespace Infra.Tools.ProviderGen;

/// <summary>Everything the generator writes, from a schema folder and the allow-list, in path order.</summary>
public static class Generator
{
    public const string AllowListPath = "components/Providers/allow-list.txt";

    /// <summary>The folders the generator owns: every file in them is generated, and stale ones are deleted.</summary>
    public static readonly IReadOnlyList<string> OwnedFolders = [SourceWriter.GeneratedFolder, SchemaSubsetWriter.SubsetFolder];

    public static IReadOnlyList<GeneratedFile> Generate(string schemaDirectory, string allowListText)
    {
        var schemas = new SchemaSet(schemaDirectory);
        var catalog = Catalog.Build(schemas, AllowList.Parse(allowListText, AllowListPath));
        var model = new CSharpModel(catalog);
        var files = new SourceWriter(model).Files().Concat(SchemaSubsetWriter.Files(schemas, catalog))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var clash = files.GroupBy(f => f.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new GeneratorException($"Two generated files differ only in case: {string.Join(", ", clash.Select(f => f.Path))}.");
        return files;
    }
}
