using System.Text;
using System.Text.Json;

namespace Infra.Platform.Binary;

/// <summary>
/// How a server's binary reaches the NATS super-cluster (global tier), without secrets: the password is a
/// reference the construct adds under <see cref="PlatformBinary.NatsPassword"/>. <see cref="Regions"/> is
/// the client URL list of the server's region: its own region first, then the others nearest first.
/// </summary>
public sealed record BinaryMessaging(IReadOnlyList<MessagingRegion> Regions, string User, string CaFile)
{
    /// <summary>The value of <c>PLATFORM_NATS_URLS</c>: <c>[{"region":"eu-west","urls":["tls://...:4222",...]},...]</c>, compact, in order.</summary>
    public string UrlsJson()
    {
        if (Regions.Count == 0 || Regions.Any(r => r.Urls.Count == 0))
            throw new ArgumentException("NATS: every region in the client URL list needs at least one URL, and the list at least one region.");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var region in Regions)
            {
                json.WriteStartObject();
                json.WriteString("region", region.Name);
                json.WriteStartArray("urls");
                foreach (var url in region.Urls) json.WriteStringValue(url);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads <c>PLATFORM_NATS_URLS</c> back, as the binary does; null with a reason when it is not that shape.</summary>
    public static IReadOnlyList<MessagingRegion>? ParseUrls(string json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                problem = "is not a non-empty JSON array of {\"region\", \"urls\"}";
                return null;
            }
            var regions = new List<MessagingRegion>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("region", out var name) || name.ValueKind != JsonValueKind.String ||
                    !item.TryGetProperty("urls", out var urls) || urls.ValueKind != JsonValueKind.Array || urls.GetArrayLength() == 0 ||
                    urls.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String || !u.GetString()!.StartsWith("tls://", StringComparison.Ordinal)))
                {
                    problem = "has an entry that is not {\"region\": NAME, \"urls\": [\"tls://HOST:PORT\", ...]}";
                    return null;
                }
                regions.Add(new MessagingRegion(name.GetString()!, urls.EnumerateArray().Select(u => u.GetString()!).ToList()));
            }
            if (regions.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() != regions.Count)
            {
                problem = "names a region twice";
                return null;
            }
            return regions;
        }
        catch (JsonException e)
        {
            problem = $"is not JSON ({e.Message})";
            return null;
        }
    }
}

/// <summary>One region of the client URL list: its name and its servers' client URLs.</summary>
public sealed record MessagingRegion(string Name, IReadOnlyList<string> Urls);
