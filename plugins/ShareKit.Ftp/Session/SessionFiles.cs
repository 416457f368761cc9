using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>File-system steps shared by the commands: resolving a client path (replying 550 when refused), stat, listing.</summary>
internal static class SessionFiles
{
    /// <summary>Resolves <paramref name="argument"/> against the current folder; replies 550 and returns null when refused.</summary>
    public static async ValueTask<ResolvedPath?> ResolveOrReplyAsync(this FtpSession session, string argument, CancellationToken ct)
    {
        if (session.FileSystem!.TryResolve(session.Cwd, argument, out var resolved, out var error))
        {
            return resolved;
        }

        await session.ReplyAsync(550, error, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>Resolves a path the command will change; replies 550 when it is read-only for this login.</summary>
    public static async ValueTask<ResolvedPath?> ResolveWritableOrReplyAsync(this FtpSession session, string argument, CancellationToken ct)
    {
        if (await session.ResolveOrReplyAsync(argument, ct).ConfigureAwait(false) is not { } resolved)
        {
            return null;
        }

        if (!session.CanWrite(resolved))
        {
            await session.ReplyAsync(550, "Permission denied: this login is read-only here.", ct).ConfigureAwait(false);
            return null;
        }

        return resolved;
    }

    /// <summary>The entry at a resolved path; share roots and the virtual root are folders.</summary>
    public static async ValueTask<FileEntry?> StatAsync(this FtpSession session, ResolvedPath path, CancellationToken ct)
    {
        if (path.Mount is not { } mount)
        {
            return new FileEntry(StorePath.Root, true, 0, DateTimeOffset.UnixEpoch);
        }

        var entry = await mount.Store.StatAsync(path.Path, ct).ConfigureAwait(false);
        return entry is null && path.Path.IsRoot ? new FileEntry(StorePath.Root, true, 0, DateTimeOffset.UnixEpoch) : entry;
    }

    /// <summary>The entries of a folder, sorted by name; the virtual root lists the shares.</summary>
    public static async ValueTask<List<ListedEntry>> ListAsync(this FtpSession session, ResolvedPath folder, CancellationToken ct)
    {
        var result = new List<ListedEntry>();
        if (folder.Mount is not { } mount)
        {
            foreach (var share in session.FileSystem!.Mounts)
            {
                var root = await share.Store.StatAsync(StorePath.Root, ct).ConfigureAwait(false);
                var entry = new FileEntry(StorePath.Root, true, 0, root?.LastModified ?? DateTimeOffset.UnixEpoch);
                result.Add(new ListedEntry(entry, share.Name, share.Name + ":", share.Writable));
            }
        }
        else
        {
            await foreach (var entry in mount.Store.ListAsync(folder.Path, ct).ConfigureAwait(false))
            {
                result.Add(new ListedEntry(entry, entry.Name, mount.Name + ":" + entry.Path.Value, mount.Writable));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    /// <summary>The listing entry of one resolved path (for LIST of a file, MLST, STAT).</summary>
    public static ListedEntry Describe(ResolvedPath path, FileEntry entry, string name) =>
        new(entry, name, (path.Mount?.Name ?? string.Empty) + ":" + path.Path.Value, path.Mount?.Writable ?? false);
}
