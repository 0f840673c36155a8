using System.Text;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// The size of user-data as EC2 receives it: the raw bytes before base64 (gzip bytes when the program
/// compresses it). Literal parts count exactly; a value with references is counted by its literal
/// parts only, so the size is a lower bound (<see cref="Exact"/> false).
/// </summary>
public sealed record RawUserData(long Bytes, bool Exact)
{
    /// <param name="base64">Whether the property carries base64 (a launch template's <c>userData</c>, <c>userDataBase64</c>).</param>
    public static RawUserData? Of(Expr? expr, bool base64)
    {
        switch (expr)
        {
            case StringLiteral s:
                // The AWS provider encodes an instance's plain userData only if it is not base64 already.
                return Decoded(s.Value) is { } bytes ? new(bytes.Length, true)
                    : base64 ? null : new(Encoding.UTF8.GetByteCount(s.Value), true);
            case FunctionCall { Name: "fn::toBase64" } call:
                return Of(call.Argument, base64: false) is { } inner ? inner : null;
            case FunctionCall { Name: "fn::secret" } secret:
                return Of(secret.Argument, base64);
            case Interpolation i when !base64:
                return new(i.Parts.OfType<StringLiteral>().Sum(p => (long)Encoding.UTF8.GetByteCount(p.Value)), false);
            default:
                return null;
        }
    }

    private static byte[]? Decoded(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 4 || trimmed.Length % 4 != 0 || trimmed.Any(char.IsWhiteSpace)) return null;
        try { return Convert.FromBase64String(trimmed); }
        catch (FormatException) { return null; }
    }
}
