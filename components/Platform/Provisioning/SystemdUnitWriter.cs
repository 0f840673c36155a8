using System.Text;

namespace Infra.Platform.Provisioning;

/// <summary>
/// Writes unit files section by section. Values pass through <see cref="Escape"/> because systemd expands
/// '%' specifiers everywhere; callers validate values so no quoting beyond that is needed.
/// </summary>
internal sealed class SystemdUnitWriter
{
    private readonly StringBuilder _text = new();
    private bool _inSection;

    public SystemdUnitWriter Comment(string comment)
    {
        _text.Append("# ").Append(comment).Append('\n');
        return this;
    }

    public SystemdUnitWriter Section(string name)
    {
        if (_inSection) _text.Append('\n');
        _inSection = true;
        _text.Append('[').Append(name).Append("]\n");
        return this;
    }

    public SystemdUnitWriter Set(string key, string value)
    {
        _text.Append(key).Append('=').Append(Escape(value)).Append('\n');
        return this;
    }

    public static string Escape(string value) => value.Replace("%", "%%", StringComparison.Ordinal);

    public override string ToString() => _text.ToString();
}
