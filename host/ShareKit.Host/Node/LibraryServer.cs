using System.Buffers;
using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>
/// The server side of library connections: answers browse, search and fetch requests from one public-read share's
/// catalog and store. Any error ends the connection with an <see cref="Error"/> message.
/// </summary>
public sealed class LibraryServer
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);
    private const int ReadChunk = 64 * 1024;
    private readonly ILibraryCatalog catalog;
    private readonly IFileStore store;
    private readonly NodeIdentity node;

    /// <summary>Serves <paramref name="store"/> as described by <paramref name="catalog"/> (the same share).</summary>
    public LibraryServer(ILibraryCatalog catalog, IFileStore store, NodeIdentity node)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(node);
        this.catalog = catalog;
        this.store = store;
        this.node = node;
    }

    /// <summary>The served share's name.</summary>
    public string ShareName => catalog.ShareName;

    internal async Task ServeAsync(IConnection connection, CancellationToken ct)
    {
        var control = new ControlChannel(connection.Transport.Input, connection.Transport.Output);
        try
        {
            var hello = await WithIdleTimeout(t => SessionMessages.ExpectAsync<Hello>(control, "hello", t), ct).ConfigureAwait(false);
            SessionMessages.CheckPeerHello(hello);
            await control.SendAsync(Hello(node), ct).ConfigureAwait(false);
            while (await WithIdleTimeout(control.ReceiveAsync, ct).ConfigureAwait(false) is { } request)
            {
                switch (request)
                {
                    case Browse browse:
                        await control.SendAsync(await BrowseAsync(browse, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                        break;
                    case Search search:
                        await control.SendAsync(await SearchAsync(search, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                        break;
                    case Fetch fetch:
                        await SendFileAsync(control, connection, fetch, ct).ConfigureAwait(false);
                        break;
                    default:
                        throw SessionMessages.Unexpected(request, "library request");
                }
            }
        }
        catch (Exception e) when (e is ShareKitException or IOException or OperationCanceledException)
        {
            if (SessionMessages.ErrorFor(e) is { } error)
            {
                await control.SendFinalAsync(error, CancellationToken.None).ConfigureAwait(false);
            }

            ct.ThrowIfCancellationRequested();
        }
        finally
        {
            await control.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Tells a library client that this node serves no library, and closes.</summary>
    internal static async Task RefuseAsync(IConnection connection, string reason)
    {
        var control = new ControlChannel(connection.Transport.Input, connection.Transport.Output);
        await control.SendFinalAsync(new Error(ErrorCodes.NoLibrary, reason), CancellationToken.None).ConfigureAwait(false);
    }

    internal static Hello Hello(NodeIdentity node) =>
        new(PeerProtocol.Version, node.Id.Value, node.Name, [PeerProtocol.LibraryCapability]);

    private async ValueTask<Listing> BrowseAsync(Browse browse, CancellationToken ct)
    {
        CheckShare(browse.Share);
        LibraryRequests.CheckPage(browse.Offset, browse.Limit);
        var folder = LibraryRequests.ParsePath(browse.Path);
        var kind = LibraryRequests.ParseKind(browse.Kind);
        try
        {
            if (kind is null)
            {
                var page = await catalog.BrowseAsync(folder, browse.Offset, browse.Limit, ct).ConfigureAwait(false);
                return new Listing(page.Entries.Select(LibraryRequests.ToWire).ToList(), page.Total);
            }

            // The catalog filters by kind only when searching, so a filtered listing reads the whole folder.
            var matching = new List<LibraryEntry>();
            for (var offset = 0; ; offset += PeerProtocol.MaxLibraryPage)
            {
                var page = await catalog.BrowseAsync(folder, offset, PeerProtocol.MaxLibraryPage, ct).ConfigureAwait(false);
                matching.AddRange(page.Entries.Where(e => e.Kind == kind).Select(LibraryRequests.ToWire));
                if (page.Entries.Count == 0 || offset + page.Entries.Count >= page.Total)
                {
                    break;
                }
            }

            return new Listing(matching.Skip(browse.Offset).Take(browse.Limit).ToList(), matching.Count);
        }
        catch (StoreNotFoundException)
        {
            throw new PeerProtocolException(ErrorCodes.NotFound, $"The library has no folder '{folder.ToDisplayString()}'.");
        }
    }

    private async ValueTask<Listing> SearchAsync(Search search, CancellationToken ct)
    {
        CheckShare(search.Share);
        LibraryRequests.CheckPage(search.Offset, search.Limit);
        var query = new CatalogQuery(search.Words, LibraryRequests.ParseKind(search.Kind));
        var page = await catalog.SearchAsync(query, search.Offset, search.Limit, ct).ConfigureAwait(false);
        return new Listing(page.Entries.Select(LibraryRequests.ToWire).ToList(), page.Total);
    }

    private async ValueTask SendFileAsync(ControlChannel control, IConnection connection, Fetch fetch, CancellationToken ct)
    {
        CheckShare(fetch.Share);
        var path = LibraryRequests.ParsePath(fetch.Path);
        var file = path.IsRoot ? null : await store.StatAsync(path, ct).ConfigureAwait(false);
        if (file is null || file.IsDirectory)
        {
            throw new PeerProtocolException(ErrorCodes.NotFound, $"The library has no file '{path.ToDisplayString()}'.");
        }

        if (fetch.Offset < 0 || fetch.Offset > file.Length)
        {
            throw new PeerProtocolException(ErrorCodes.BadRequest, $"The offset {fetch.Offset} is outside '{path.ToDisplayString()}' ({file.Length} bytes).");
        }

        var content = await store.OpenReadAsync(path, 0, ct).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            await control.SendAsync(new FileStart(file.Length, fetch.Offset, file.LastModified.ToUniversalTime()), ct).ConfigureAwait(false);
            using var hasher = new ContentHasher();
            await HashPrefixAsync(content, fetch.Offset, hasher, ct).ConfigureAwait(false);
            var output = connection.Transport.Output;
            var left = file.Length - fetch.Offset;
            while (left > 0)
            {
                var memory = output.GetMemory(ReadChunk);
                var read = await content.ReadAsync(memory[..(int)Math.Min(memory.Length, left)], ct).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new StorageException($"'{path.ToDisplayString()}' became shorter while it was being sent.");
                }

                hasher.Append(memory.Span[..read]);
                output.Advance(read);
                left -= read;
                await output.FlushAsync(ct).ConfigureAwait(false);
            }

            var hash = new byte[PeerProtocol.HashBytes];
            hasher.Finish(hash);
            await control.SendAsync(new FileEnd(Convert.ToHexStringLower(hash)), ct).ConfigureAwait(false);
        }
    }

    private static async ValueTask HashPrefixAsync(Stream content, long length, ContentHasher hasher, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        try
        {
            for (var left = length; left > 0;)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new StorageException("The file became shorter while it was being read.");
                }

                hasher.Append(buffer.AsSpan(0, read));
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CheckShare(string? share)
    {
        if (share is not null && !string.Equals(share, catalog.ShareName, StringComparison.OrdinalIgnoreCase))
        {
            throw new PeerProtocolException(ErrorCodes.NoLibrary, $"This node's library is the share '{catalog.ShareName}'; it serves no share named '{share}'.");
        }
    }

    private static async ValueTask<T> WithIdleTimeout<T>(Func<CancellationToken, ValueTask<T>> receive, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(IdleTimeout);
        return await receive(idle.Token).ConfigureAwait(false);
    }
}
