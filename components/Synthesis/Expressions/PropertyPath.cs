using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Synthesis.Expressions;

/// <summary>One step of a property access: <c>.name</c>, <c>[0]</c> or <c>["key with spaces"]</c>.</summary>
public abstract record PathSegment
{
    public sealed record Name(string Value) : PathSegment;
    public sealed record Index(int Value) : PathSegment;
}

/// <summary>Parses and renders the property-access grammar of Pulumi YAML's <c>${...}</c>.</summary>
public static partial class PropertyPath
{
    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex SimpleName();

    /// <summary>Parses <c>a.b[0].c</c> or <c>tags["Name"]</c> into segments.</summary>
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        var segments = new List<PathSegment>();
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.') { i++; continue; }
            if (c == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0) throw new FormatException($"Property path '{path}' has an unclosed '['.");
                var inner = path[(i + 1)..close];
                if (inner.Length >= 2 && inner[0] == '"' && inner[^1] == '"')
                    segments.Add(new PathSegment.Name(inner[1..^1].Replace("\\\"", "\"")));
                else if (int.TryParse(inner, out var index) && index >= 0)
                    segments.Add(new PathSegment.Index(index));
                else
                    throw new FormatException($"Property path '{path}' has an invalid index '[{inner}]'.");
                i = close + 1;
                continue;
            }
            var end = i;
            while (end < path.Length && path[end] != '.' && path[end] != '[') end++;
            segments.Add(new PathSegment.Name(path[i..end]));
            i = end;
        }
        return segments;
    }

    public static string Render(string root, IReadOnlyList<PathSegment> path)
    {
        if (path.Count == 0) return root;
        // One buffer per thread until the one string it returns: every reference is rendered once per use in the program.
        var text = (renderBuffer ??= new TextBuffer()).Clear();
        Append(text, root, path);
        return text.ToString();
    }

    [ThreadStatic] private static TextBuffer? renderBuffer;

    /// <summary>Appends what <see cref="Render"/> returns, for a writer that composes a longer text.</summary>
    internal static void Append(TextBuffer text, string root, IReadOnlyList<PathSegment> path)
    {
        text.Append(root);
        for (var i = 0; i < path.Count; i++)
        {
            switch (path[i])
            {
                case PathSegment.Name { Value: var name } when SimpleName().IsMatch(name):
                    text.Append('.');
                    text.Append(name);
                    break;
                case PathSegment.Name { Value: var name }:
                    text.Append("[\"");
                    text.Append(name.Replace("\"", "\\\""));
                    text.Append("\"]");
                    break;
                case PathSegment.Index { Value: var index }:
                    text.Append('[');
                    text.Append(index);
                    text.Append(']');
                    break;
            }
        }
    }
}
