using System.Buffers;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>
/// The client side of a library connection: hellos on connect, then requests answered one at a time. An
/// <see cref="Error"/> from the server ends the connection and surfaces as a <see cref="PeerEndedException"/>.
/// </summary>
public sealed class LibraryClient : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly ControlChannel control;

    private LibraryClient(IConnection connection, string peerName)
    {
        this.connection = connection;
        control = new ControlChannel(connection.Transport.Input, connection.Transport.Output);
        PeerName = peerName;
    }

    /// <summary>The server's display name.</summary>
    public string PeerName { get; private set; }

    /// <summary>Opens a library connection through <paramref name="connect"/> and exchanges hellos.</summary>
    /// <exception cref="ShareKitException">The peer serves no library, speaks another protocol, or went away.</exception>
    public static async Task<LibraryClient> ConnectAsync(Func<CancellationToken, ValueTask<IConnection>> connect, NodeIdentity node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(node);
        var connection = await connect(ct).ConfigureAwait(false);
        var client = new LibraryClient(connection, string.Empty);
        try
        {
            await Preamble.WriteAsync(connection.Transport.Output, ConnectionKind.Library, ct).ConfigureAwait(false);
            await client.control.SendAsync(LibraryServer.Hello(node), ct).ConfigureAwait(false);
            var hello = await SessionMessages.ExpectAsync<Hello>(client.control, "hello", ct).ConfigureAwait(false);
            SessionMessages.CheckPeerHello(hello);
            client.PeerName = hello.Name;
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One page of a folder listing, or of a search.</summary>
    public async Task<Listing> ListAsync(Message request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await control.SendAsync(request, ct).ConfigureAwait(false);
        return await SessionMessages.ExpectAsync<Listing>(control, "listing", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches <paramref name="path"/> into <paramref name="target"/> from its staged length on, verifies the whole
    /// file's BLAKE3 (staged prefix included) and commits it. On a hash mismatch the staged data is discarded.
    /// </summary>
    /// <param name="path">The file in the library.</param>
    /// <param name="target">A staged write; its <see cref="IStagedWrite.ResumeOffset"/> is where the fetch starts.</param>
    /// <param name="progress">Called with (bytes held, file size) as content arrives.</param>
    /// <param name="ct">Cancels; what arrived stays staged for a later resume.</param>
    /// <returns>Content bytes that crossed the connection.</returns>
    /// <exception cref="ShareKitException">The server refused, the connection broke, or the content did not verify.</exception>
    public async Task<long> FetchAsync(string path, IStagedWrite target, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var offset = target.ResumeOffset;
        await control.SendAsync(new Fetch(path, offset), ct).ConfigureAwait(false);
        var start = await SessionMessages.ExpectAsync<FileStart>(control, "file", ct).ConfigureAwait(false);
        if (start.Offset != offset || start.Size < offset)
        {
            throw new PeerProtocolException(ErrorCodes.Protocol, $"The peer answered a fetch from {offset} with bytes {start.Offset} to {start.Size}.");
        }

        using var hasher = new ContentHasher();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            await HashStagedAsync(target, offset, hasher, buffer, ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        progress?.Invoke(offset, start.Size);
        var received = await CopyContentAsync(target.Content, start.Size - offset, hasher, held => progress?.Invoke(offset + held, start.Size), ct).ConfigureAwait(false);
        var end = await SessionMessages.ExpectAsync<FileEnd>(control, "fileEnd", ct).ConfigureAwait(false);
        var hash = new byte[PeerProtocol.HashBytes];
        hasher.Finish(hash);
        if (!string.Equals(Convert.ToHexStringLower(hash), end.Blake3, StringComparison.OrdinalIgnoreCase))
        {
            await target.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
            throw new ContentMismatchException(offset > 0
                ? $"'{path}' did not verify: the file changed on the peer since the partial copy was made. The partial copy was discarded; get it again."
                : $"'{path}' did not arrive intact (its BLAKE3 hash differs). Nothing was saved; get it again.");
        }

        target.LastModified = start.Mtime;
        await target.CommitAsync(ct).ConfigureAwait(false);
        return received;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await control.CompleteAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask<long> CopyContentAsync(Stream destination, long length, ContentHasher hasher, Action<long> held, CancellationToken ct)
    {
        var input = connection.Transport.Input;
        var left = length;
        while (left > 0)
        {
            var result = await input.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            var take = buffer.Slice(0, Math.Min(buffer.Length, left));
            foreach (var segment in take)
            {
                hasher.Append(segment.Span);
                await destination.WriteAsync(segment, ct).ConfigureAwait(false);
            }

            left -= take.Length;
            input.AdvanceTo(take.End);
            held(length - left);
            if (left > 0 && result.IsCompleted)
            {
                throw new PeerEndedException($"The connection ended {length - left} bytes into the {length} bytes of the file; get it again to continue.");
            }
        }

        await destination.FlushAsync(ct).ConfigureAwait(false);
        return length;
    }

    private static async ValueTask HashStagedAsync(IStagedWrite staged, long length, ContentHasher hasher, byte[] buffer, CancellationToken ct)
    {
        var content = staged.Content;
        content.Seek(0, SeekOrigin.Begin);
        for (var left = length; left > 0;)
        {
            var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new StorageException("The staged part is shorter than the store reported.");
            }

            hasher.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        content.Seek(length, SeekOrigin.Begin);
    }
}
