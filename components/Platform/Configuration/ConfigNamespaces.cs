namespace Infra.Platform.Configuration;

/// <summary>
/// The namespaces a stack's config keys may use: the suite's own (<c>infra:</c>), Pulumi's
/// (<c>pulumi:tags</c> and the like) and those of the providers the suite uses (their own settings,
/// such as <c>aws:region</c>, which Pulumi hands to providers). A key in any other namespace, or in
/// none, is a typo that would otherwise be ignored in silence.
/// </summary>
public static class ConfigNamespaces
{
    /// <summary>The providers of PinnedProviders (a test keeps the two lists equal).</summary>
    public static readonly IReadOnlyList<string> Providers =
        ["aws", "kubernetes", "cloudflare", "nomad", "consul", "docker", "command", "tls", "random"];

    public static readonly IReadOnlyList<string> Known = [ConfigKey.Namespace, "pulumi", .. Providers];

    /// <summary>
    /// The problems with keys outside <c>infra:</c>. <paramref name="infraKeys"/> (full names) feed the
    /// did-you-mean. Values are never quoted: an unknown key may hold a decrypted secret.
    /// </summary>
    public static IEnumerable<ConfigError> Check(IEnumerable<string> keys, IReadOnlyCollection<string> infraKeys)
    {
        foreach (var key in keys)
        {
            var colon = key.IndexOf(':');
            if (colon < 0)
            {
                var meant = infraKeys.FirstOrDefault(k => k == $"{ConfigKey.Namespace}:{key}");
                yield return new ConfigError(key, null,
                    "has no namespace, so no one reads it: config keys are NAMESPACE:NAME." +
                    (meant is null ? "" : $" Did you mean {meant}?"),
                    $"keys in the namespaces {string.Join(", ", Known)}");
                continue;
            }
            var ns = key[..colon];
            if (Known.Contains(ns)) continue;
            var suggestion = DidYouMean.Suggest(ns, Known);
            var fullSuggestion = suggestion is null ? null : $"{suggestion}{key[colon..]}";
            var hint = fullSuggestion is null ? ""
                : suggestion == ConfigKey.Namespace && !infraKeys.Contains(fullSuggestion) ? $" Did you mean the namespace {suggestion}?"
                : $" Did you mean {fullSuggestion}?";
            yield return new ConfigError(key, null,
                $"is in the namespace '{ns}', which neither the suite nor its providers read.{hint}",
                $"keys in the namespaces {string.Join(", ", Known)}");
        }
    }
}
