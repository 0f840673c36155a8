using System.Text.RegularExpressions;

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// A logical name or a glob (<c>fleet-billing-*</c>) in a catalogue entry. Without a trailing <c>?</c>
/// the change must happen to at least one matching resource; with it, it may.
/// </summary>
public sealed record ResourcePattern(string Glob, bool Optional)
{
    public static ResourcePattern Parse(string text) =>
        text.EndsWith('?') ? new ResourcePattern(text[..^1], true) : new ResourcePattern(text, false);

    public bool Matches(string name) =>
        Regex.IsMatch(name, "^" + string.Join(".*", Glob.Split('*').Select(Regex.Escape)) + "$");

    public override string ToString() => Optional ? Glob + "?" : Glob;
}
