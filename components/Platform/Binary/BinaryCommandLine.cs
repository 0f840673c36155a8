using System.Text;

namespace Infra.Platform.Binary;

/// <summary>
/// A launch rendered through the interface: the flags after the binary's path (or the container's
/// entrypoint) and the plain environment, sorted by name. Secret settings are not here: the construct
/// adds them as references.
/// </summary>
public sealed record BinaryCommandLine(IReadOnlyList<string> Flags, IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    /// <summary>
    /// The environment as a file for systemd's EnvironmentFile=, one <c>NAME='value'</c> per line. Single
    /// quotes keep every character as written both for systemd and for a POSIX shell, so values may not
    /// hold a single quote, a backslash or a control character.
    /// </summary>
    public string EnvironmentFile(string comment)
    {
        var text = new StringBuilder();
        foreach (var line in comment.Split('\n')) text.Append("# ").Append(line).Append('\n');
        foreach (var (name, value) in Environment)
        {
            if (value.Any(c => c is '\'' or '\\' || char.IsControl(c)))
                throw new ArgumentException($"{name}: '{value}' cannot be written to an environment file (single quote, backslash or control character).");
            text.Append(name).Append("='").Append(value).Append("'\n");
        }
        return text.ToString();
    }
}
