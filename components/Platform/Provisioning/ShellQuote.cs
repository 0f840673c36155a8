namespace Infra.Platform.Provisioning;

/// <summary>POSIX single-quoting: the only shell quoting with no special characters inside.</summary>
internal static class ShellQuote
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
