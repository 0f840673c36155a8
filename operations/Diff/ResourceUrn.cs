namespace Infra.Operations.Diff;

/// <summary>
/// A resource's identity in Pulumi: <c>urn:pulumi:STACK::PROJECT::ParentType$...$Type::name</c>.
/// The qualified type chains the types of every parent up to (not including) the stack itself, so a
/// change of name, type or any parent's type is a new URN: Pulumi deletes the old resource and creates
/// a new one unless an <c>aliases</c> entry names the old URN.
/// (pulumi/pulumi sdk/go/common/resource/urn: <c>urn:pulumi:&lt;Stack&gt;::&lt;Project&gt;::&lt;Qualified$Type$Name&gt;::&lt;Name&gt;</c>;
/// docs: "Resource names and identity", "Refactoring with aliases".)
/// </summary>
public sealed record ResourceUrn(string Stack, string Project, string QualifiedType, string Name)
{
    public const string TypeDelimiter = "$";

    /// <summary>The resource's own type, the last segment of the qualified type.</summary>
    public string Type => QualifiedType[(QualifiedType.LastIndexOf('$') + 1)..];

    /// <summary>The types of the parents, outermost first; empty for a resource parented by the stack.</summary>
    public IReadOnlyList<string> ParentTypes
    {
        get
        {
            var parts = QualifiedType.Split('$');
            return parts[..^1];
        }
    }

    /// <summary>The URN of a child of this resource: its qualified type is this one's plus the child's type.</summary>
    public ResourceUrn Child(string type, string name) => new(Stack, Project, QualifiedType + TypeDelimiter + type, name);

    public override string ToString() => $"urn:pulumi:{Stack}::{Project}::{QualifiedType}::{Name}";

    /// <summary>Reads a URN as written in an <c>aliases</c> entry; null when it is not one.</summary>
    public static ResourceUrn? Parse(string text)
    {
        const string prefix = "urn:pulumi:";
        if (!text.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var parts = text[prefix.Length..].Split("::");
        // The name may itself contain "::"; stack, project and type never do.
        if (parts.Length < 4 || parts[2].Length == 0) return null;
        return new ResourceUrn(parts[0], parts[1], parts[2], string.Join("::", parts[3..]));
    }
}
