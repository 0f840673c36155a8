namespace Infra.Platform.Provisioning;

/// <summary>
/// A file fetched at boot over HTTPS and refused unless its SHA-256 matches: servers must never run
/// an artefact other than the one reviewed in config.
/// </summary>
public sealed record VerifiedDownload
{
    public Uri Url { get; }
    public Sha256Digest Sha256 { get; }

    public VerifiedDownload(string url, string sha256, string where)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new ProvisioningException(
                $"{where}.url: '{url}' is not an https:// URL; the download must be authenticated by TLS as well as by its checksum.");
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\'' or '"' or '`' or '\\'))
            throw new ProvisioningException($"{where}.url: '{url}' contains whitespace, quotes or backslashes; percent-encode them.");
        Url = uri;
        Sha256 = Sha256Digest.Parse(sha256, $"{where}.sha256");
    }
}
