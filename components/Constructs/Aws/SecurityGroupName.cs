using System.Text.RegularExpressions;
using Infra.Synthesis;

namespace Infra.Constructs.Aws;

/// <summary>
/// The name prefix of a security group, from the stack and the group's role (<c>dc9-sg-alb-</c>).
/// Why a prefix and not a fixed <c>name</c>: a group's name cannot change in place (a new name, a new
/// description or a new VPC replaces the group), and Pulumi replaces by creating the new group first. With a
/// fixed name that create fails (the name is taken in the VPC); deleting first fails too while the ALB and
/// servers still use the group. With a prefix AWS appends a unique suffix, so the replacement is created
/// beside the old group, the users move over, and then the old one is deleted. The suffix is chosen once and
/// kept in the state, so the name does not change between updates.
/// Why explicit at all: without it Pulumi autonames the group from its logical name (<c>sg-alb-1a2b3c</c>),
/// and EC2 refuses group names that start with <c>sg-</c>.
/// Rules (EC2 CreateSecurityGroup, and the AWS provider's <c>name_prefix</c> check): at most 255 characters
/// with the 26-character unique suffix, so at most 229 here; letters, digits, spaces and <c>._-:/()#,@[]+=&amp;;{}!$*</c>;
/// never starting with <c>sg-</c>.
/// </summary>
public static partial class SecurityGroupName
{
    public const string ReservedPrefix = "sg-";
    /// <summary>255, less the provider's 26-character unique suffix.</summary>
    public const int MaxPrefixLength = 255 - 26;

    [GeneratedRegex(@"^[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]+$")]
    private static partial Regex Allowed();

    /// <summary>The prefix for the group <paramref name="role"/> of the stack-level name <paramref name="physicalName"/>.</summary>
    public static string Prefix(string physicalName, string role)
    {
        var prefix = $"{physicalName}-{role}-";
        // A stack named "sg-..." would produce a reserved name; such a stack's groups get a fixed lead word.
        if (prefix.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)) prefix = "infra-" + prefix;
        if (prefix.Length > MaxPrefixLength || !Allowed().IsMatch(prefix))
            throw new SynthesisException(
                $"The security group name prefix '{prefix}' is not one EC2 accepts (at most {MaxPrefixLength} characters of " +
                "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*); use a shorter stack name of letters, digits, '-', '_' and '.'.");
        return prefix;
    }
}
