using Infra.Tools.ProviderGen;

// dotnet run --project tools/ProviderGen [-- --schemas DIR] [--check]
// Regenerates components/Providers/Generated and components/Providers/Schemas from the allow-list.
try
{
    string? schemas = null;
    var check = false;
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--schemas" when i + 1 < args.Length:
                schemas = args[++i];
                break;
            case "--check":
                check = true;
                break;
            case "--help" or "-h":
                Console.WriteLine("""
                    Usage: dotnet run --project tools/ProviderGen [-- [--schemas DIR] [--check]]

                    Writes the typed provider resources and functions (components/Providers/Generated) and the
                    schema subset the tests use (components/Providers/Schemas) for every token in
                    components/Providers/allow-list.txt, and deletes files there that are no longer generated.

                      --schemas DIR  the full provider schemas (default: ../shared/schemas beside the repository)
                      --check        write nothing; exit 1 and list the files that differ
                    """);
                return 0;
            default:
                Console.Error.WriteLine($"providergen: unknown argument '{args[i]}'. Run with --help for usage.");
                return 2;
        }
    }

    var root = RepositoryRoot.Find();
    schemas = Path.GetFullPath(schemas ?? Path.Combine(root, "..", "shared", "schemas"));
    if (!Directory.Exists(schemas))
    {
        Console.Error.WriteLine(
            $"providergen: the schema folder {schemas} does not exist. Put the shared folder beside the repository " +
            "(../shared/schemas) or pass --schemas DIR; components/Providers/Schemas serves for tokens already in the allow-list.");
        return 1;
    }
    var files = Generator.Generate(schemas, File.ReadAllText(Path.Combine(root, Generator.AllowListPath)));
    var drift = RepositoryFiles.Compare(root, files);
    if (check)
    {
        if (drift.Count == 0) return 0;
        Console.Error.WriteLine($"providergen: {drift.Count} generated file(s) differ from the allow-list and schemas:");
        foreach (var line in drift) Console.Error.WriteLine("  " + line);
        Console.Error.WriteLine("Regenerate with: dotnet run --project tools/ProviderGen");
        return 1;
    }
    RepositoryFiles.Write(root, files);
    Console.Error.WriteLine($"providergen: {files.Count} files from {schemas}; {drift.Count} changed.");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine("providergen: " + e.Message);
    return 1;
}
