using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Tests.Core;

/// <summary>The reused buffer the program writer composes scalars in (<see cref="TextBuffer"/>), and the reference text built in it.</summary>
public sealed class TextBufferTests
{
    [Fact]
    public void It_grows_past_its_capacity_and_keeps_what_was_appended()
    {
        var buffer = new TextBuffer(2);
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            buffer.Append('x');
            buffer.Append("abc");
            buffer.Append(i);
            expected.Append('x').Append("abc").Append(i);
        }
        buffer.Append(new string('y', 1000));
        expected.Append('y', 1000);
        Assert.Equal(expected.ToString(), buffer.ToString());
        Assert.Equal(expected.Length, buffer.Length);
        Assert.Equal(expected.ToString(), new string(buffer.Span));
    }

    [Fact]
    public void Clearing_it_starts_over()
    {
        var buffer = new TextBuffer();
        buffer.Append("first text");
        buffer.Clear().Append("2nd");
        Assert.Equal("2nd", buffer.ToString());
        Assert.Equal(3, buffer.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-42)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Numbers_are_appended_in_their_invariant_form(int value)
    {
        var buffer = new TextBuffer(1);
        buffer.Append(value);
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), buffer.ToString());
    }

    [Fact]
    public void A_reference_is_rendered_alike_as_a_string_and_into_a_buffer_and_each_rendering_starts_afresh()
    {
        var nested = new Reference("bucket").Then("tags[\"a \\\"quoted\\\" key\"].values[12].last");
        var simple = new Reference("vpc").Then("id");
        Assert.Equal("bucket.tags[\"a \\\"quoted\\\" key\"].values[12].last", nested.Text);
        Assert.Equal("vpc.id", simple.Text); // after a longer one: no leftover of it
        Assert.Equal("vpc", new Reference("vpc").Text);

        var buffer = new TextBuffer(1);
        buffer.Append("${");
        PropertyPath.Append(buffer, nested.Root, nested.Path);
        buffer.Append('}');
        Assert.Equal("${" + nested.Text + "}", buffer.ToString());
    }
}
