using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Operations.Diff;

/// <summary>
/// Source-generated JSON for the diff's texts: quoted strings in canonical forms, paths and displays
/// (no reflection: the compiler runs natively).
/// </summary>
[JsonSerializable(typeof(string))]
internal sealed partial class DiffJson : JsonSerializerContext
{
    /// <summary>For readers: non-ASCII text as itself, not <c>\uXXXX</c>.</summary>
    public static DiffJson Display { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A JSON string literal of <paramref name="value"/>, escaped as the default serializer escapes it.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Default.String);
}
