using System.Text.RegularExpressions;
using Infra.Platform;

namespace Infra.Constructs.Aws;

/// <summary>
/// The <c>bucketPrefix</c> of a stack's bucket, <c>STACK-ROLE-</c> (<c>dc9-alb-logs-</c>), to which the AWS
/// provider appends a 26-character unique suffix. S3 takes only lower-case letters, digits, '-' and '.' in a
/// bucket name of at most 63 characters, so the prefix has at most 37 (the provider's own check). Pulumi stack
/// names may hold capitals, '_' and '.', and up to 100 characters: such a stack's prefix is derived, lower case,
/// each run of other characters one '-', cut to fit, plus 6 hex digits of a hash of the real stack name, so
/// <c>Team_Dev</c> and <c>team-dev</c> still get different prefixes (<c>team-dev-1a2b3c-alb-logs-</c>). A stack
/// whose name already fits keeps exactly <c>STACK-ROLE-</c>: a new prefix would replace its bucket.
/// (Sources: Amazon S3 User Guide, General purpose bucket naming rules; terraform-provider-aws, aws_s3_bucket,
/// bucket_prefix: "Must be lowercase and less than or equal to 37 characters in length".)
/// </summary>
public static partial class S3BucketPrefix
{
    public const int MaxLength = 63 - 26;
    private const int HashDigits = 6;

    /// <summary>Prefixes S3 reserves for its own names (access point aliases, punycode, demos).</summary>
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Plain();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotPlain();

    /// <summary>The prefix of the bucket <paramref name="role"/> (lower-case letters, digits and '-') of <paramref name="stack"/>.</summary>
    public static string For(string stack, string role)
    {
        if (!Plain().IsMatch(role)) throw new ArgumentException($"bucket role '{role}' must be lower-case letters, digits and '-'.", nameof(role));
        var wanted = $"{stack}-{role}-";
        if (wanted.Length <= MaxLength && Plain().IsMatch(wanted) && !IsReserved(wanted)) return wanted;

        var hash = StableHash.Hex(stack, HashDigits);
        var room = MaxLength - $"-{hash}-{role}-".Length;
        if (room < 1) throw new ArgumentException($"bucket role '{role}' is too long for a {MaxLength}-character prefix.", nameof(role));
        var stem = NotPlain().Replace(stack.ToLowerInvariant(), "-").Trim('-');
        if (stem.Length > room) stem = stem[..room].TrimEnd('-');
        var prefix = stem.Length == 0 ? $"{hash}-{role}-" : $"{stem}-{hash}-{role}-";
        return IsReserved(prefix) ? $"{hash}-{role}-" : prefix;
    }

    private static bool IsReserved(string prefix) => ReservedPrefixes.Any(r => prefix.StartsWith(r, StringComparison.Ordinal));
}
