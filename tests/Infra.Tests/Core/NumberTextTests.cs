using System.Globalization;
using Infra.Synthesis.Expressions;

namespace Infra.Tests.Core;

/// <summary>
/// A number's text is formatted into a span for the writer (<c>NumberLiteral.Format</c>) and into a string for everyone
/// else (<see cref="NumberLiteral.Text"/>): both must be the form it always had, integers below 1e15 in full.
/// </summary>
public sealed class NumberTextTests
{
    public static TheoryData<double> Numbers =>
    [
        0, -0.0, 1, -1, 0.1, 1.5, -2.5, 8080, 999_999_999_999_999d, -999_999_999_999_999d, 1e15, -1e15, 1e15 + 2,
        123456789012345678d, 1e20, 1e-7, double.Epsilon, double.MaxValue, double.MinValue,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, Math.PI, -Math.E * 1e-300,
    ];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_reads_as_it_always_did_as_a_string_and_in_a_span(double value)
    {
        var expected = value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
        var number = new NumberLiteral(value);
        Assert.Equal(expected, number.Text);
        Span<char> text = stackalloc char[NumberLiteral.MaxTextLength];
        Assert.Equal(expected, new string(text[..number.Format(text)]));
    }
}
