using System.Text.RegularExpressions;

namespace Infra.Platform.Configuration;

/// <summary>
/// A container image reference, pinned: <c>[registry/]repository:tag</c> and/or <c>@sha256:digest</c>.
/// A missing tag or <c>latest</c> is refused: environments must be reproducible.
/// </summary>
public static partial class ImageReference
{
    [GeneratedRegex(@"^(?<repo>[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*)(:(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(@(?<digest>sha256:[0-9a-f]{64}))?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(?<host>[A-Za-z0-9.-]+(:[0-9]+)?)/(?<rest>.+)$")]
    private static partial Regex WithRegistry();

    /// <summary>Null when the reference is valid and pinned; otherwise what is wrong.</summary>
    public static string? Problem(string reference)
    {
        var rest = reference;
        var registry = WithRegistry().Match(reference);
        if (registry.Success && (registry.Groups["host"].Value.Contains('.') || registry.Groups["host"].Value.Contains(':')
                                 || registry.Groups["host"].Value == "localhost"))
            rest = registry.Groups["rest"].Value;
        var match = Shape().Match(rest);
        if (!match.Success) return "is not a valid image reference.";
        var tag = match.Groups["tag"];
        var digest = match.Groups["digest"];
        if (!tag.Success && !digest.Success) return "has no tag or digest, so it would float to whatever 'latest' is.";
        if (tag.Success && tag.Value == "latest" && !digest.Success) return "uses the 'latest' tag, which is not pinned.";
        return null;
    }

    public const string Allowed = "a pinned image such as docker.io/library/postgres:17.2-bookworm or repo@sha256:<64 hex>";
}
