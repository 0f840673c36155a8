using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Operations.Deploy;

/// <summary>The event log is not in the format Pulumi documents; says which line and why.</summary>
public sealed class EngineEventFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads Pulumi's JSON engine events, one object per line, as written by <c>--event-log</c>.</summary>
public static partial class EngineEventParser
{
    // Pulumi colour directives like <{%fg 1%}> and ANSI escapes: the progress output is plain text.
    [GeneratedRegex(@"<\{%[^%]*%\}>|\x1b\[[0-9;]*m")]
    private static partial Regex ColorCodes();

    public static string StripColors(string text) => ColorCodes().Replace(text, "");

    public static IEnumerable<EngineEvent> ParseAll(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0) continue;
            yield return ParseLine(line, number);
        }
    }

    public static EngineEvent ParseLine(string line, int lineNumber = 0)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException error)
        {
            throw new EngineEventFormatException($"event log line {lineNumber}: not JSON ({error.Message}).", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EngineEventFormatException($"event log line {lineNumber}: expected a JSON object, found {root.ValueKind}.");
            }
            var sequence = root.TryGetProperty("sequence", out var s) && s.TryGetInt32(out var sv) ? sv : 0;
            var timestamp = root.TryGetProperty("timestamp", out var t) && t.TryGetInt64(out var tv) ? tv : 0;

            foreach (var property in root.EnumerateObject())
            {
                var body = property.Value;
                if (body.ValueKind != JsonValueKind.Object) continue;
                switch (property.Name)
                {
                    case "preludeEvent":
                        return new PreludeEvent(sequence, timestamp, StringMap(body, "config"));
                    case "resourcePreEvent":
                        return new ResourcePreEvent(sequence, timestamp, Metadata(body, lineNumber), Bool(body, "planning"));
                    case "resOutputsEvent":
                        return new ResourceOutputsEvent(sequence, timestamp, Metadata(body, lineNumber), Bool(body, "planning"));
                    case "resOpFailedEvent":
                        return new ResourceFailedEvent(sequence, timestamp, Metadata(body, lineNumber), Int(body, "status"), Int(body, "steps"));
                    case "diagnosticEvent":
                        return new DiagnosticEvent(sequence, timestamp, NullIfEmpty(String(body, "urn")),
                            StripColors(String(body, "message")).TrimEnd(), String(body, "severity"), Bool(body, "ephemeral"));
                    case "policyEvent":
                        return new PolicyViolationEvent(sequence, timestamp, NullIfEmpty(String(body, "resourceUrn")),
                            String(body, "policyName"), StripColors(String(body, "message")).TrimEnd(), String(body, "enforcementLevel"));
                    case "summaryEvent":
                        return new SummaryEvent(sequence, timestamp, IntMap(body, "resourceChanges"), Int(body, "durationSeconds"),
                            Bool(body, "isPreview"), Bool(body, "maybeCorrupt"));
                    case "cancelEvent":
                        return new CancelEvent(sequence, timestamp);
                    case "stdoutEvent":
                        return new StdoutEvent(sequence, timestamp, StripColors(String(body, "message")).TrimEnd());
                    case "errorEvent":
                        return new EngineErrorEvent(sequence, timestamp, String(body, "error"));
                    default:
                        return new OtherEvent(sequence, timestamp, property.Name);
                }
            }
            throw new EngineEventFormatException(
                $"event log line {lineNumber}: no event field (such as resourcePreEvent or summaryEvent) in the object.");
        }
    }

    private static StepMetadata Metadata(JsonElement body, int lineNumber)
    {
        if (!body.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new EngineEventFormatException($"event log line {lineNumber}: a step event without 'metadata'.");
        }
        var diffs = metadata.TryGetProperty("diffs", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => item.GetString() ?? "").ToList()
            : [];
        return new StepMetadata(String(metadata, "op"), String(metadata, "urn"), String(metadata, "type"), diffs);
    }

    private static string String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static bool Bool(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

    private static Dictionary<string, string> StringMap(JsonElement body, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in value.EnumerateObject()) map[entry.Name] = entry.Value.ToString();
        }
        return map;
    }

    private static Dictionary<string, int> IntMap(JsonElement body, string name)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in value.EnumerateObject())
            {
                if (entry.Value.TryGetInt32(out var count)) map[entry.Name] = count;
            }
        }
        return map;
    }
}
