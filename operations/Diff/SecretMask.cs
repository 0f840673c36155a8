using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>Decides which values a diff must never show: the place a PR comment is read is public-ish.</summary>
public static partial class SecretMask
{
    public const string Placeholder = "[secret]";

    // Names that by convention carry credentials; a false positive only hides a value, never leaks one.
    [GeneratedRegex(@"passw(or)?d|secret|token|private_?key|api_?key|access_?key|credential|passphrase|client_?key|auth_?key|signing_?key",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    public static bool IsSecretName(string key) => SecretName().IsMatch(key);

    /// <summary>A value wrapped as <c>fn::secret: ...</c> in the program.</summary>
    public static bool IsSecretValue(YamlNode? node) =>
        node is YamlMappingNode map
        && map.Children.Count == 1
        && map.Children.Keys.First() is YamlScalarNode { Value: "fn::secret" };
}
