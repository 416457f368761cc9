using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>
/// The tree one login sees. One share is served at <c>/</c>; several are served as folders <c>/&lt;share&gt;/</c>
/// under a read-only virtual root. Client paths are resolved here against the current folder (<c>.</c> and
/// <c>..</c> never climb above <c>/</c>) and only then handed to <see cref="StorePath.Parse"/>, so nothing outside
/// a share's root can be named.
/// </summary>
internal sealed class FtpFileSystem
{
    private readonly IReadOnlyList<FtpMount> mounts;

    public FtpFileSystem(IReadOnlyList<FtpMount> mounts)
    {
        this.mounts = mounts;
    }

    public IReadOnlyList<FtpMount> Mounts => mounts;

    /// <summary>True when several shares are folders under a virtual root.</summary>
    public bool HasVirtualRoot => mounts.Count != 1;

    /// <summary>Normalizes <paramref name="argument"/> against <paramref name="cwd"/> into an absolute virtual path.</summary>
    public static string Combine(string cwd, string argument)
    {
        var segments = new List<string>();
        if (!argument.StartsWith('/'))
        {
            AddSegments(segments, cwd);
        }

        AddSegments(segments, argument);
        return segments.Count == 0 ? "/" : "/" + string.Join('/', segments);
    }

    /// <summary>Resolves a client path; false with a reason a person can read when it is refused or names no share.</summary>
    public bool TryResolve(string cwd, string argument, out ResolvedPath resolved, out string error)
    {
        var virtualPath = Combine(cwd, argument);
        resolved = default;
        var relative = virtualPath.Length == 1 ? string.Empty : virtualPath[1..];
        FtpMount mount;
        if (HasVirtualRoot)
        {
            if (relative.Length == 0)
            {
                resolved = new ResolvedPath(virtualPath, null, StorePath.Root);
                error = string.Empty;
                return true;
            }

            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            var shareName = slash < 0 ? relative : relative[..slash];
            var found = mounts.FirstOrDefault(m => m.Name.Equals(shareName, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                error = $"{virtualPath}: no such file or folder.";
                return false;
            }

            mount = found;
            relative = slash < 0 ? string.Empty : relative[(slash + 1)..];
        }
        else
        {
            mount = mounts[0];
        }

        if (!StorePath.TryParse(relative, out var path, out var reason))
        {
            error = $"The path is not allowed: {reason}.";
            return false;
        }

        resolved = new ResolvedPath(virtualPath, mount, path);
        error = string.Empty;
        return true;
    }

    /// <summary>The virtual path of <paramref name="path"/> in <paramref name="mount"/>.</summary>
    public string VirtualPathOf(FtpMount mount, StorePath path)
    {
        var prefix = HasVirtualRoot ? "/" + mount.Name : string.Empty;
        return path.IsRoot ? (prefix.Length == 0 ? "/" : prefix) : prefix + "/" + path.Value;
    }

    private static void AddSegments(List<string> segments, string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }
    }
}
