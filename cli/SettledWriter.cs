using System.Text;

namespace Infra.Cli;

/// <summary>
/// A command's stdout or stderr while the freshness walk may still run (<see cref="FreshnessCheck"/>): the first write
/// waits for the walk to settle. A fresh build's text then goes straight to the real writer; a stale build's is dropped,
/// so it prints nothing of its own. Nothing is copied or held: <c>infra synth</c> writes only at its end, by which time
/// the walk (a few ms) has long finished, so the wait costs nothing on a fresh build.
/// </summary>
internal sealed class SettledWriter(Func<bool> fresh, TextWriter real) : TextWriter
{
    private TextWriter? target;

    public override Encoding Encoding => real.Encoding;

    private TextWriter Target => target ??= fresh() ? real : Null;

    public override void Write(char value) => Target.Write(value);

    public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => Target.Write(buffer);

    public override void Write(string? value) => Target.Write(value);

    public override void Flush()
    {
        if (target is not null) target.Flush();
    }
}
