using System.Globalization;
using System.Runtime.CompilerServices;
using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// Builds Pulumi interpolations from C# interpolated strings:
/// <c>Text.Interpolate($"http://{alb.DnsName}/healthz")</c> renders <c>http://${alb.dnsName}/healthz</c>.
/// Holes that are outputs become references; everything else becomes escaped literal text.
/// </summary>
public static class Text
{
    public static Input<string> Interpolate(ref Handler text) =>
        Input<string>.From(text.Build());

    [InterpolatedStringHandler]
    public ref struct Handler
    {
        private readonly List<Expr> parts;

        public Handler(int literalLength, int formattedCount) => parts = new List<Expr>(formattedCount * 2 + 1);

        public void AppendLiteral(string text) => parts.Add(new StringLiteral(text));

        public void AppendFormatted<T>(T value)
        {
            switch (value)
            {
                case IExpressible expressible:
                    parts.Add(expressible.Expr);
                    break;
                case IFormattable formattable:
                    parts.Add(new StringLiteral(formattable.ToString(null, CultureInfo.InvariantCulture)));
                    break;
                default:
                    parts.Add(new StringLiteral(value?.ToString() ?? ""));
                    break;
            }
        }

        internal Expr Build() => parts is [StringLiteral single] ? single : new Interpolation(parts);
    }
}
