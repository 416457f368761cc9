using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text.Json;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>
/// Length-prefixed JSON messages over a pipe: a 4-byte big-endian payload length, then a UTF-8 JSON object.
/// Writers may call <see cref="SendAsync"/> concurrently; one reader calls <see cref="ReceiveAsync"/>.
/// </summary>
internal sealed class ControlChannel
{
    private readonly PipeReader input;
    private readonly PipeWriter output;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    public ControlChannel(PipeReader input, PipeWriter output)
    {
        this.input = input;
        this.output = output;
    }

    public async ValueTask SendAsync(Message message, CancellationToken ct)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, MessageJsonContext.Default.Message);
        if (payload.Length > PeerProtocol.MaxFrameBytes)
        {
            throw new ProtocolException($"A {message.GetType().Name} message of {payload.Length} bytes exceeds the {PeerProtocol.MaxFrameBytes} byte frame limit.");
        }

        await writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            WriteFrame(output, payload);
            await output.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Sends several messages with one flush (item results come in bursts of thousands).</summary>
    public async ValueTask SendBatchAsync(IReadOnlyList<Message> messages, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            foreach (var message in messages)
            {
                WriteFrame(output, JsonSerializer.SerializeToUtf8Bytes(message, MessageJsonContext.Default.Message));
            }

            await output.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Sends a message and completes the output, ignoring a peer that is already gone.</summary>
    public async ValueTask SendFinalAsync(Message message, CancellationToken ct)
    {
        try
        {
            await SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
        }

        await CompleteAsync().ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync()
    {
        await writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>The next message; null when the peer closed cleanly between messages.</summary>
    /// <exception cref="ProtocolException">An oversized, truncated or malformed frame.</exception>
    public async ValueTask<Message?> ReceiveAsync(CancellationToken ct)
    {
        while (true)
        {
            var result = await input.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, out var message))
            {
                input.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var leftover = buffer.Length;
                input.AdvanceTo(buffer.End);
                return leftover == 0
                    ? null
                    : throw new ProtocolException("The peer's connection ended in the middle of a control message.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    internal static void WriteFrame(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload)
    {
        var span = writer.GetSpan(4 + payload.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, payload.Length);
        payload.CopyTo(span[4..]);
        writer.Advance(4 + payload.Length);
    }

    internal static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out Message? message)
    {
        message = null;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (length > PeerProtocol.MaxFrameBytes)
        {
            throw new ProtocolException($"The peer sent a control message of {length} bytes; the limit is {PeerProtocol.MaxFrameBytes} bytes.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        message = Parse(buffer.Slice(4, length));
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private static Message Parse(ReadOnlySequence<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            return JsonSerializer.Deserialize(ref reader, MessageJsonContext.Default.Message)
                ?? throw new ProtocolException("The peer sent a control message that is JSON null.");
        }
        catch (JsonException e)
        {
            var type = PeekType(payload);
            throw new ProtocolException(
                type is not null && !IsKnownType(type)
                    ? $"The peer sent an unknown message type '{Printable(type)}'."
                    : $"The peer sent a malformed {(type is null ? "control message" : $"'{Printable(type)}' message")}: {e.Message}",
                e);
        }
        catch (NotSupportedException e)
        {
            throw new ProtocolException($"The peer sent a control message this node cannot read: {e.Message}", e);
        }
    }

    private static bool IsKnownType(string type) =>
        type is "hello" or "offer" or "decision" or "itemResult" or "cancel" or "error" or "data" or
        "browse" or "search" or "listing" or "fetch" or "file" or "fileEnd";

    private static string? PeekType(ReadOnlySequence<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static string Printable(string text)
    {
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }
}
