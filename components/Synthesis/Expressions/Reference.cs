namespace Infra.Synthesis.Expressions;

/// <summary>
/// <c>${root.a[0].b}</c>: a resource output, a variable or a config value. <see cref="Root"/> is the
/// logical name; the path walks into the value.
/// </summary>
public sealed record Reference(string Root, IReadOnlyList<PathSegment> Path) : Expr
{
    public Reference(string root) : this(root, []) { }

    public Reference Then(PathSegment segment) => new(Root, [.. Path, segment]);

    public Reference Then(string path) => new(Root, [.. Path, .. PropertyPath.Parse(path)]);

    /// <summary>The text between <c>${</c> and <c>}</c>.</summary>
    public string Text => PropertyPath.Render(Root, Path);
}
