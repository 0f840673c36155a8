using System.Globalization;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Inspection;

/// <summary>
/// Reads resource properties the way a policy needs them: literal values when the program knows them
/// at synthesis, null when a value is only known at deployment (a reference, a secret).
/// </summary>
public static class Props
{
    /// <summary>The expression at a dotted path (<c>metadataOptions.httpTokens</c>), or null.</summary>
    public static Expr? Get(Expr? root, string path)
    {
        var current = root;
        var rest = path.AsSpan();
        while (true)
        {
            if (current is not ObjectExpr obj) return null;
            var dot = rest.IndexOf('.');
            if (dot < 0) return obj[rest.Length == path.Length ? path : rest.ToString()];
            current = obj[rest[..dot].ToString()];
            rest = rest[(dot + 1)..];
        }
    }

    public static Expr? Get(Resource resource, string path) => Get(resource.Properties, path);

    public static bool Has(Resource resource, string path) => Get(resource, path) is not (null or NullLiteral);

    public static string? String(Expr? expr) => expr switch
    {
        StringLiteral s => s.Value,
        NumberLiteral n => n.Text,
        BoolLiteral b => b.Value ? "true" : "false",
        _ => null,
    };

    public static string? String(Resource resource, string path) => String(Get(resource, path));

    /// <summary>A boolean; Pulumi also accepts "true"/"false" strings.</summary>
    public static bool? Bool(Expr? expr) => expr switch
    {
        BoolLiteral b => b.Value,
        StringLiteral { Value: var v } when bool.TryParse(v, out var parsed) => parsed,
        _ => null,
    };

    public static bool? Bool(Resource resource, string path) => Bool(Get(resource, path));

    public static double? Number(Expr? expr) => expr switch
    {
        NumberLiteral n => n.Value,
        StringLiteral { Value: var v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static IReadOnlyList<Expr> List(Expr? expr) => expr is ListExpr list ? list.Items : [];

    public static IReadOnlyList<Expr> List(Resource resource, string path) => List(Get(resource, path));

    /// <summary>Literal strings of a list (references and calls skipped).</summary>
    public static IReadOnlyList<string> Strings(Expr? expr) => List(expr).Select(String).OfType<string>().ToList();

    /// <summary>Every resource name the expression refers to (<c>${vpc.id}</c> → <c>vpc</c>), at any depth.</summary>
    public static IEnumerable<string> ReferencedNames(Expr? expr)
    {
        switch (expr)
        {
            case Reference r:
                yield return r.Root;
                break;
            case Interpolation i:
                foreach (var part in i.Parts)
                foreach (var name in ReferencedNames(part)) yield return name;
                break;
            case FunctionCall f:
                foreach (var name in ReferencedNames(f.Argument)) yield return name;
                break;
            case ListExpr l:
                foreach (var item in l.Items)
                foreach (var name in ReferencedNames(item)) yield return name;
                break;
            case ObjectExpr o:
                foreach (var entry in o.Entries)
                foreach (var name in ReferencedNames(entry.Value)) yield return name;
                break;
        }
    }

    /// <summary>Whether <paramref name="expr"/> refers to the resource named <paramref name="name"/>.</summary>
    public static bool RefersTo(Expr? expr, string name) => ReferencedNames(expr).Contains(name, StringComparer.Ordinal);

    /// <summary>The resources of the program an expression refers to.</summary>
    public static IEnumerable<Resource> Referenced(Blueprint blueprint, Expr? expr) =>
        ReferencedNames(expr).Distinct().Select(blueprint.FindResource).OfType<Resource>();

    /// <summary>
    /// The text an expression would produce, with references shown as <c>${name}</c> and function
    /// calls flattened: enough to search for flags and variables in scripts and user-data.
    /// </summary>
    public static string Text(Expr? expr) => expr switch
    {
        StringLiteral s => s.Value,
        NumberLiteral n => n.Text,
        BoolLiteral b => b.Value ? "true" : "false",
        Reference r => "${" + r.Text + "}",
        Interpolation i => string.Concat(i.Parts.Select(Text)),
        FunctionCall f => Text(f.Argument),
        ListExpr l => string.Join("\n", l.Items.Select(Text)),
        ObjectExpr o => string.Join("\n", o.Entries.Select(e => Text(e.Value))),
        _ => "",
    };

    /// <summary>Whether the value is wrapped in <c>fn::secret</c> (at the top).</summary>
    public static bool IsSecret(Expr? expr) => expr is FunctionCall { Name: "fn::secret" };
}
