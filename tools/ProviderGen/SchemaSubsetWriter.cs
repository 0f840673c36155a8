using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infra.Tools.ProviderGen;

/// <summary>
/// The schema subset the repository carries (components/Providers/Schemas): per package, the
/// allow-listed resources and functions and every type they reach, copied unchanged from the full
/// schema (same shape, sorted by token, one-space indent), plus versions.json. It is closed: the
/// conformance checker and the generator need nothing outside it for the allow-listed tokens.
/// </summary>
public static class SchemaSubsetWriter
{
    public const string SubsetFolder = "components/Providers/Schemas";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static IEnumerable<GeneratedFile> Files(SchemaSet schemas, Catalog catalog)
    {
        foreach (var (package, tokens) in catalog.Subset)
            yield return new GeneratedFile($"{SubsetFolder}/{package}.json", Package(schemas, package, tokens));
        yield return new GeneratedFile($"{SubsetFolder}/versions.json", schemas.VersionsJson());
        yield return new GeneratedFile($"{SubsetFolder}/README.md", Readme);
    }

    private static string Package(SchemaSet schemas, string package, Catalog.SubsetTokens tokens)
    {
        var root = schemas.Package(package);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            foreach (var key in new[] { "name", "version" })
            {
                if (root.TryGetProperty(key, out var value)) { json.WritePropertyName(key); value.WriteTo(json); }
            }
            if (tokens.Provider)
            {
                json.WritePropertyName("provider");
                schemas.Provider(package).WriteTo(json);
            }
            Section(json, "resources", tokens.Resources, t => schemas.Resource(t)!.Value);
            Section(json, "types", tokens.Types, t => schemas.Type(t)!.Value);
            Section(json, "functions", tokens.Functions, t => schemas.Function(t)!.Value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Section(Utf8JsonWriter json, string name, SortedSet<string> tokens, Func<string, JsonElement> spec)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        foreach (var token in tokens)
        {
            json.WritePropertyName(token);
            spec(token).WriteTo(json);
        }
        json.WriteEndObject();
    }

    private const string Readme = """
        # Provider schema subset (generated)

        The part of the pinned provider schemas (`../shared/schemas`) that this repository's own tests
        need: for each provider, the resources and functions listed in `components/Providers/allow-list.txt`
        and every object and enum type they reach, copied unchanged, plus `versions.json`. The format is
        the one `../shared/schemas/README.md` describes.

        The tests read `../shared/schemas` when it sits beside the repository and this folder otherwise,
        so a clone on its own (e.g. on GitHub) still checks schema conformance. A drift test compares
        this folder with `../shared/schemas` whenever that is present.

        Do not edit: `dotnet run --project tools/ProviderGen` rewrites it with the generated provider types.

        """;
}
