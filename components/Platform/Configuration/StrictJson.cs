using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration;

/// <summary>
/// JSON as config arrives in <c>PULUMI_CONFIG</c>: syntax errors are reported by position only (the
/// parser's own text can quote the input, which may be a decrypted secret), and an object that gives a
/// key twice is refused instead of crashing whoever enumerates it later.
/// </summary>
public static class StrictJson
{
    private static readonly JsonDocumentOptions NoDuplicates = new() { AllowDuplicateProperties = false };

    /// <summary>The parsed value, or null with <paramref name="problem"/> saying what is wrong (never quoting the text).</summary>
    public static JsonNode? TryParse(string text, out string? problem)
    {
        try
        {
            // Parsed twice: the first parse finds syntax errors with their position, the second duplicate keys.
            using (JsonDocument.Parse(text)) { }
        }
        catch (JsonException e)
        {
            problem = $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})";
            return null;
        }
        try
        {
            problem = null;
            return JsonNode.Parse(text, documentOptions: NoDuplicates);
        }
        catch (JsonException)
        {
            problem = "gives one key twice in a JSON object";
            return null;
        }
    }
}
