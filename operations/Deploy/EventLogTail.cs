using System.Text;

namespace Infra.Operations.Deploy;

/// <summary>
/// Follows the event log file while Pulumi writes it, handing each complete line's event on,
/// so progress shows during a long <c>up</c> and not only at the end.
/// </summary>
public sealed class EventLogTail(string path, Action<EngineEvent> onEvent, Action<string> onBadLine)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly StringBuilder partialLine = new();
    private long offset;
    private int lineNumber;

    /// <summary>Polls until <paramref name="stop"/> is cancelled, then reads whatever is left.</summary>
    public async Task FollowAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            ReadNew();
            try
            {
                await Task.Delay(PollInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        ReadNew();
        if (partialLine.Length > 0) Emit(partialLine.ToString());  // the last line may lack its newline
        partialLine.Clear();
    }

    private void ReadNew()
    {
        if (!File.Exists(path)) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= offset) return;
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - offset];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        // Only consume up to the last newline: a line still being written stays for the next poll,
        // and never splits a UTF-8 sequence.
        var end = Array.LastIndexOf(buffer, (byte)'\n', read - 1);
        if (end < 0) return;
        offset += end + 1;
        foreach (var line in Encoding.UTF8.GetString(buffer, 0, end).Split('\n'))
        {
            Emit(partialLine.Append(line).ToString());
            partialLine.Clear();
        }
    }

    private void Emit(string line)
    {
        lineNumber++;
        if (line.Trim().Length == 0) return;
        try
        {
            onEvent(EngineEventParser.ParseLine(line, lineNumber));
        }
        catch (EngineEventFormatException error)
        {
            onBadLine(error.Message);
        }
    }
}
