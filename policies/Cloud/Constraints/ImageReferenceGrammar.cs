using System.Text.RegularExpressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// The image reference grammar of the distribution project (what <c>docker pull</c> and the Docker
/// provider parse): <c>[domain[:port]/]path[:tag][@digest]</c>, lower-case path components joined by
/// <c>.</c>, <c>_</c>, <c>__</c> or dashes, a tag of at most 128 word characters, dots and dashes, and
/// a name of at most 255 characters.
/// </summary>
public static partial class ImageReferenceGrammar
{
    public const int MaxNameLength = 255;

    [GeneratedRegex(@"^(?<name>(?:(?<domain>(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?|\[[0-9a-fA-F:.]+\](?::[0-9]+)?)/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$")]
    private static partial Regex Reference();

    /// <summary>Why <paramref name="reference"/> is not a valid image reference; null when it is.</summary>
    public static string? Problem(string reference)
    {
        var match = Reference().Match(reference);
        if (!match.Success)
            return "is not a valid image reference ([registry[:port]/]lower-case/path[:tag][@sha256:digest])";
        var name = match.Groups["name"].Value;
        if (name.Length > MaxNameLength) return $"has a repository name of {name.Length} characters; at most {MaxNameLength} are allowed";
        return null;
    }
}
