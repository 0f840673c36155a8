using System.Text;

namespace Infra.Tools.ProviderGen;

/// <summary>
/// How schema names become C# names. One static class per package (<c>Aws</c>), one nested static class
/// per module (<c>Aws.Ec2</c>; kubernetes keeps its group/version: <c>Kubernetes.AppsV1</c>); the
/// <c>index</c> module's members sit directly in the package class (<c>Docker.Container</c>).
/// </summary>
public static class Naming
{
    public const string RootNamespace = "Infra.Providers.Generated";

    /// <summary>Where a token lives in C#: package class, module class (null for index) and its own name.</summary>
    public sealed record Placement(string Package, string PackageClass, string? ModuleClass, string Name)
    {
        /// <summary>The folder under Generated/: <c>Aws/Ec2</c> or <c>Docker</c>.</summary>
        public string Folder => ModuleClass is null ? PackageClass : $"{PackageClass}/{ModuleClass}";

        public IEnumerable<string> Classes => ModuleClass is null ? [PackageClass] : [PackageClass, ModuleClass];
    }

    public static Placement Place(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3) throw new GeneratorException($"'{token}' is not a three-part token (package:module:Name).");
        var (package, module, name) = (parts[0], parts[1], parts[2]);
        // Bridged providers write module/fileName (aws:ec2/vpc:Vpc); kubernetes' module is group/version.
        var moduleKey = package == "kubernetes" ? module : module.Split('/')[0];
        return new Placement(package, Pascal(package), moduleKey == "index" ? null : Pascal(moduleKey), Pascal(name));
    }

    /// <summary>
    /// A C# identifier from a schema name: word breaks at characters an identifier cannot hold, each
    /// word capitalized, the rest kept (<c>cidrBlock</c> → <c>CidrBlock</c>, <c>apps/v1</c> → <c>AppsV1</c>,
    /// <c>A1_2XLarge</c> stays). A leading digit gets a <c>_</c>.
    /// </summary>
    public static string Pascal(string name)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (text.Length == 0) return "Value";
        return char.IsAsciiDigit(text[0]) ? "_" + text : text.ToString();
    }

    /// <summary>
    /// A member name unique within its class: the plain name; a name taken by the base class is prefixed
    /// with the class name (an output <c>name</c> on <c>Role</c> becomes <c>RoleName</c>, since every
    /// resource has a logical <c>Name</c>); a name equal to its class's (C# forbids it) or still taken gets
    /// <c>Value</c> (<c>ContainerPort.ContainerPortValue</c>, as in Pulumi's own .NET SDK).
    /// </summary>
    public static string Unique(string wire, string className, ISet<string> taken)
    {
        var plain = Pascal(wire);
        foreach (var candidate in Candidates(plain, className))
        {
            if (candidate != className && taken.Add(candidate)) return candidate;
        }
        throw new InvalidOperationException("unreachable");
    }

    private static IEnumerable<string> Candidates(string plain, string className)
    {
        if (plain != className)
        {
            yield return plain;
            yield return className + plain;
        }
        for (var i = 1; ; i++) yield return plain + "Value" + (i == 1 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
