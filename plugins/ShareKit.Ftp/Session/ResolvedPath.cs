using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>
/// A client path resolved against the session's folder: the normalized virtual path (<c>/books/a.epub</c>) and
/// where it lives — a share and a <see cref="StorePath"/>, or the virtual root that lists the shares.
/// </summary>
internal readonly record struct ResolvedPath(string Virtual, FtpMount? Mount, StorePath Path)
{
    /// <summary>True for the virtual folder that holds one folder per share (only when several shares are served).</summary>
    public bool IsVirtualRoot => Mount is null;

    /// <summary>The last segment of the virtual path; empty for <c>/</c>.</summary>
    public string Name => Virtual.Length <= 1 ? string.Empty : Virtual[(Virtual.LastIndexOf('/') + 1)..];

    /// <summary>True when the path is the root of its share (or the virtual root).</summary>
    public bool IsShareRoot => Mount is null || Path.IsRoot;
}
