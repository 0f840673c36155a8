namespace Infra.Platform.Provisioning;

/// <summary>A SHA-256 digest as 64 lowercase hex digits, the form <c>sha256sum</c> prints and checks.</summary>
public readonly record struct Sha256Digest
{
    public string Hex { get; }

    private Sha256Digest(string hex) => Hex = hex;

    public static Sha256Digest Parse(string? text, string where)
    {
        var hex = text?.Trim().ToLowerInvariant() ?? "";
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            throw new ProvisioningException(
                $"{where}: '{text}' is not a SHA-256 checksum; give the 64 hex digits that `sha256sum FILE` prints for the release file.");
        return new Sha256Digest(hex);
    }

    public override string ToString() => Hex;
}
