using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>
/// Turns store paths into file-system paths that are guaranteed to lie inside the root.
/// </summary>
/// <remarks>
/// Every segment is checked for a symbolic link and links are resolved the way the kernel would (relative targets
/// against the link's folder, <c>..</c> against the resolved folder, chains up to <see cref="MaxLinkHops"/>). A path
/// whose resolved location is outside the root, or inside the staging folder, does not exist as far as the store is
/// concerned. Links pointing inside the root are followed, so they appear as whatever they point to. The check and
/// the later open are two steps: a local user who can create links in the root while ShareKit runs could race them.
/// Peers cannot, because the store never creates links.
/// </remarks>
internal sealed class RootedPaths
{
    /// <summary>Longest chain of links followed before giving up (the kernel's own limit is 40).</summary>
    public const int MaxLinkHops = 40;

    /// <summary>The hidden folder at the root holding staged writes; never listed or reachable.</summary>
    public const string StagingFolderName = ".sharekit-staging";

    private readonly string rootPrefix;
    private readonly string stagingPrefix;

    public RootedPaths(string root)
    {
        Root = Canonicalize(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), []);
        StagingDirectory = Path.Combine(Root, StagingFolderName);
        rootPrefix = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
        stagingPrefix = StagingDirectory + Path.DirectorySeparatorChar;
    }

    /// <summary>The root folder with every link in it resolved.</summary>
    public string Root { get; }

    /// <summary>Where staged writes live.</summary>
    public string StagingDirectory { get; }

    /// <summary>True when <paramref name="path"/> names the staging folder or something in it.</summary>
    public static bool IsReserved(StorePath path) =>
        !path.IsRoot && path.Segments[0].Equals(StagingFolderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where <paramref name="path"/> leads with every link (the last segment included) followed; null when that is
    /// outside the root or in the staging folder.
    /// </summary>
    public string? ResolveTarget(StorePath path)
    {
        if (IsReserved(path))
        {
            return null;
        }

        return path.IsRoot ? Root : Inside(Canonicalize(Root, path.Segments));
    }

    /// <summary>
    /// The directory entry named by <paramref name="path"/>: its folder resolved, its own name kept (a link there
    /// is the link itself). Null when the folder is outside the root. Renames and deletes act on entries.
    /// </summary>
    public string? ResolveEntry(StorePath path)
    {
        if (path.IsRoot || IsReserved(path))
        {
            return null;
        }

        var folder = path.Parent.IsRoot ? Root : Inside(Canonicalize(Root, path.Parent.Segments));
        if (folder is null)
        {
            return null;
        }

        var entry = Path.Combine(folder, path.Name);
        return Inside(entry);
    }

    /// <summary>True when the canonical <paramref name="fullPath"/> lies inside the root and outside the staging folder.</summary>
    public bool Contains(string fullPath) => Inside(fullPath) is not null;

    private string? Inside(string fullPath)
    {
        if (fullPath == Root)
        {
            return fullPath;
        }

        if (!fullPath.StartsWith(rootPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Ignoring case keeps the staging folder out of reach on case-insensitive file systems too.
        if (string.Equals(fullPath, StagingDirectory, StringComparison.OrdinalIgnoreCase)
            || fullPath.StartsWith(stagingPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return fullPath;
    }

    /// <summary>A user-space realpath(3) that also accepts paths whose tail does not exist yet.</summary>
    private static string Canonicalize(string start, IReadOnlyList<string> segments)
    {
        var pending = new Stack<string>(segments.Count + 8);
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            pending.Push(segments[i]);
        }

        var current = start;
        if (segments.Count == 0)
        {
            // Canonicalizing the start itself (the root at construction): walk its own components.
            var rootOfPath = Path.GetPathRoot(start) ?? "/";
            foreach (var part in start[rootOfPath.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(part);
            }

            current = rootOfPath;
        }

        var hops = 0;
        var missing = false;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = missing ? null : ReadLink(next, out missing);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new StorageException($"'{next}' goes through more than {MaxLinkHops} links; ShareKit stops following them.");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? "/";
                target = target[current.Length..];
            }

            var parts = target.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                pending.Push(parts[i]);
            }
        }

        return current;
    }

    private static string? ReadLink(string path, out bool missing)
    {
        missing = false;
        try
        {
            var target = new FileInfo(path).LinkTarget;
            if (target is null && !Path.Exists(path))
            {
                // Nothing below a missing segment can be a link: skip the look-ups for the rest.
                missing = true;
            }

            return target;
        }
        catch (IOException)
        {
            // ENOTDIR and friends: not a link; the operation on the path reports the real problem.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
