namespace Infra.Tests.SchemaConformance;

/// <summary>
/// The spellings under which Pulumi YAML looks a type token up, in order (each also matched
/// case-insensitively by the caller): the token itself; <c>pkg:Name</c> as <c>pkg:index:Name</c>;
/// and <c>pkg:mod:Name</c> as <c>pkg:mod/name:Name</c>.
/// </summary>
public static class TokenResolution
{
    public static IReadOnlyList<string> Candidates(string token)
    {
        var candidates = new List<string> { token };
        var parts = token.Split(':');
        if (parts.Length == 2) parts = [parts[0], "index", parts[1]];
        if (parts.Length != 3) return candidates;

        var (package, module, member) = (parts[0], parts[1], parts[2]);
        candidates.Add($"{package}:{module}:{member}");
        // Only a module without a file part gets one: the file part is the member's name, first letter lowered.
        if (!module.Contains('/') && member.Length > 0)
            candidates.Add($"{package}:{module}/{char.ToLowerInvariant(member[0])}{member[1..]}:{member}");
        return candidates.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The package of a token: the part before the first colon.</summary>
    public static string PackageOf(string token)
    {
        var colon = token.IndexOf(':');
        return colon < 0 ? token : token[..colon];
    }
}
