using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace ShareKit.Ftp;

/// <summary>
/// Reads control-connection lines (RFC 959: Telnet NVT text ended by CRLF, UTF-8 per RFC 2640) from a pipe.
/// Telnet commands (IAC …) are dropped, IAC IAC becomes 0xFF; a line longer than <see cref="MaxLineBytes"/> is
/// discarded up to its end and reported as <see cref="FtpLineKind.TooLong"/>; a stream of junk with no line end
/// at all is reported as <see cref="FtpLineKind.Flood"/> so the session can close.
/// </summary>
internal sealed class FtpLineReader(PipeReader reader)
{
    public const int MaxLineBytes = 4096;

    private const int MaxDiscardBytes = 1024 * 1024;
    private const byte Iac = 255;
    private const byte Will = 251;
    private const byte Dont = 254;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private long discarded = -1;

    public PipeReader Reader => reader;

    public async ValueTask<FtpLine> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryTakeLine(ref buffer, out var line))
            {
                reader.AdvanceTo(buffer.Start);
                return line;
            }

            if (discarded >= 0 || buffer.Length > MaxLineBytes)
            {
                discarded = Math.Max(discarded, 0) + buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (discarded > MaxDiscardBytes)
                {
                    return FtpLine.Flood;
                }
            }
            else
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return FtpLine.EndOfStream;
            }
        }
    }

    private bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out FtpLine line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        var raw = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        if (discarded >= 0 || raw.Length > MaxLineBytes)
        {
            discarded = -1;
            line = FtpLine.TooLong;
            return true;
        }

        line = new FtpLine(FtpLineKind.Line, Decode(raw));
        return true;
    }

    private static string Decode(ReadOnlySequence<byte> raw)
    {
        Span<byte> text = stackalloc byte[MaxLineBytes];
        var length = 0;
        var pending = 0;
        foreach (var segment in raw)
        {
            foreach (var b in segment.Span)
            {
                // pending: 0 = plain text, 1 = after IAC, 2 = after IAC WILL/WONT/DO/DONT (one option byte to skip).
                if (pending == 1)
                {
                    pending = b == Iac ? 0 : b is >= Will and <= Dont ? 2 : 0;
                    if (b == Iac)
                    {
                        text[length++] = Iac;
                    }
                }
                else if (pending == 2)
                {
                    pending = 0;
                }
                else if (b == Iac)
                {
                    pending = 1;
                }
                else
                {
                    text[length++] = b;
                }
            }
        }

        if (length > 0 && text[length - 1] == '\r')
        {
            length--;
        }

        return Utf8.GetString(text[..length]);
    }
}
