using System.Globalization;
using System.Runtime.CompilerServices;
using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// Builds Pulumi interpolations from C# interpolated strings:
/// <c>Text.Interpolate($"http://{alb.DnsName}/healthz")</c> renders <c>http://${alb.dnsName}/healthz</c>.
/// Like .NET Aspire's <c>ReferenceExpression</c> handler, the holes are typed: a string or a number
/// becomes escaped literal text, a scalar output or input becomes a reference, and anything else (a
/// resource, a list, a whole invoke result, an object output) has no <c>AppendFormatted</c> overload, so
/// it is a compile-time error instead of a C# type name printed into the program.
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

        public void AppendFormatted(string? value) => parts.Add(new StringLiteral(value ?? ""));

        public void AppendFormatted(int value) => Literal(value);

        public void AppendFormatted(long value) => Literal(value);

        public void AppendFormatted(double value) => Literal(value);

        public void AppendFormatted(Input<string> value) => parts.Add(value.Expr);

        public void AppendFormatted(Output<string> value) => parts.Add(value.Expr);

        public void AppendFormatted(Input<int> value) => parts.Add(value.Expr);

        public void AppendFormatted(Output<int> value) => parts.Add(value.Expr);

        public void AppendFormatted(Input<double> value) => parts.Add(value.Expr);

        public void AppendFormatted(Output<double> value) => parts.Add(value.Expr);

        private void Literal(IFormattable value) => parts.Add(new StringLiteral(value.ToString(null, CultureInfo.InvariantCulture)));

        internal Expr Build() => parts is [StringLiteral single] ? single : new Interpolation(parts);
    }
}
