using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Stacks.Global;

/// <summary>
/// Puts deployment-time values (a load balancer's DNS name) into text a generator wrote at synthesis time: the
/// generator writes a marker, and the marker becomes a reference in a Pulumi interpolation. Every other character
/// stays literal (and escaped on emission, so a Nomad job's own <c>${node.unique.name}</c> survives).
/// </summary>
public static class JobSpecText
{
    public const string LoadBalancerMarker = "@@load-balancer-dns@@", InternalLoadBalancerMarker = "@@internal-load-balancer-dns@@";

    public static Input<string> Splice(string text, IReadOnlyDictionary<string, Output<string>> values)
    {
        List<Expr> parts = [new StringLiteral(text)];
        foreach (var (marker, value) in values)
        {
            parts = parts.SelectMany(part => part is StringLiteral literal ? Split(literal.Value, marker, value) : [part]).ToList();
        }
        return parts is [StringLiteral single] ? single.Value : Input<string>.From(new Interpolation(parts));
    }

    private static IEnumerable<Expr> Split(string text, string marker, Output<string> value)
    {
        var pieces = text.Split(marker);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0) yield return value.Expr;
            yield return new StringLiteral(pieces[i]);
        }
    }
}
