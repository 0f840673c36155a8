using System.Text;

namespace Infra.Cli;

/// <summary>
/// stdout for <c>infra synth</c>, which prints one program at its end: UTF-8 (what Pulumi reads) through a 64 KB
/// buffer, flushed when the command finishes. The console's own writer flushes every write in pieces of about 250
/// bytes: the global tier's program took 2,400 write calls, each a wake-up of Pulumi's reading end of the pipe.
/// </summary>
internal static class ProgramOutput
{
    private const int BufferSize = 64 * 1024;

    public static TextWriter Open() =>
        new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize);
}
