using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// The name a create call actually sends for a resource. The program may set it (<c>name</c>), give a
/// prefix the provider completes (<c>namePrefix</c>: the Terraform-based AWS provider appends a
/// 26-character unique suffix), or leave both out: then Pulumi autonames the resource from its logical
/// name plus <c>-</c> and 7 random hex digits. A name only known at deployment is not checked.
/// </summary>
/// <param name="Property">The property the name is (or would be) in: <c>name</c>, <c>bucket</c>.</param>
/// <param name="Value">The name as sent, with a representative suffix where it is generated.</param>
/// <param name="How">How the name comes about, for messages.</param>
/// <param name="FixedLength">How many characters the program chose (the rest are generated).</param>
public sealed record SentName(string Property, string Value, string How, int FixedLength)
{
    /// <summary>Pulumi's autoname suffix: a separator and 7 random hex digits (pulumi-terraform-bridge AutoName).</summary>
    public const int AutonameSuffixLength = 8;

    /// <summary>The provider's suffix for a name prefix (terraform-plugin-sdk id.UniqueIDSuffixLength).</summary>
    public const int PrefixSuffixLength = 26;

    public bool IsGenerated => FixedLength < Value.Length;

    /// <summary>The name <paramref name="resource"/> sends; null when it is only known at deployment.</summary>
    public static SentName? Of(Resource resource, string property = "name", string? prefixProperty = "namePrefix")
    {
        if (Props.Get(resource, property) is { } name and not Synthesis.Expressions.NullLiteral)
            return Props.String(name) is { } literal ? new SentName(property, literal, $"is '{literal}'", literal.Length) : null;
        if (prefixProperty is not null && Props.Get(resource, prefixProperty) is { } prefix and not Synthesis.Expressions.NullLiteral)
        {
            if (Props.String(prefix) is not { } literalPrefix) return null;
            return new SentName(property, literalPrefix + new string('0', PrefixSuffixLength),
                $"is '{literalPrefix}' plus the {PrefixSuffixLength} characters the provider appends to {prefixProperty}",
                literalPrefix.Length);
        }
        var autoname = resource.Name + "-";
        return new SentName(property, autoname + "0a1b2c3",
            $"is not set, so Pulumi autonames the resource '{autoname}' plus 7 random hex digits (e.g. '{autoname}0a1b2c3')",
            autoname.Length);
    }
}
