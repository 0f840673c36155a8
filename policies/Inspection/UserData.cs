using System.IO.Compression;
using System.Text;
using Infra.Synthesis;

namespace Infra.Policies.Inspection;

/// <summary>
/// The user-data script of an instance or launch template as text. EC2 takes it plain
/// (<c>userData</c>) or base64, possibly gzipped when large (<c>userDataBase64</c>, and a launch
/// template's <c>userData</c>); literals are decoded so policies can read the flags inside.
/// </summary>
public static class UserData
{
    /// <summary>The user-data as text (parts joined by a line break); null when the resource sets none. Decoded once per resource.</summary>
    public static string? Text(Resource resource) => Decoded.Get(resource);

    private static readonly ResourceMemo<string?> Decoded = new(Read);

    private static string? Read(Resource resource)
    {
        var parts = new[] { "userData", "userDataBase64" }
            .Select(p => Props.Get(resource, p))
            .Where(e => e is not null)
            .Select(e => Decode(Props.Text(e)))
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    /// <summary>Base64 (and gzip inside it) decoded when the text is such; otherwise the text itself.</summary>
    public static string Decode(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 8 || trimmed.Length % 4 != 0 || trimmed.Any(char.IsWhiteSpace)) return text;
        byte[] bytes;
        try { bytes = Convert.FromBase64String(trimmed); }
        catch (FormatException) { return text; }
        // Eight base64 characters or more decode to at least six bytes, so both header bytes exist.
        if (bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                gzip.CopyTo(inflated);
                bytes = inflated.ToArray();
            }
            catch (InvalidDataException) { return text; }
        }
        var decoded = Encoding.UTF8.GetString(bytes);
        // Random text can look like base64: keep the decoding only if it reads as text.
        return decoded.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t') ? decoded : text;
    }
}
