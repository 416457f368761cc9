using System.Runtime.InteropServices;

namespace ShareKit.Storage.Local;

/// <summary>
/// Renames without ever replacing what is at the destination, in one step the kernel makes atomic.
/// </summary>
/// <remarks>
/// On Linux this is <c>renameat2(RENAME_NOREPLACE)</c>. Where that is missing or the file system refuses it, a
/// file is published with <c>link</c> (fails with EEXIST, never replaces) and the old name is then unlinked.
/// Elsewhere (or for folders on file systems without RENAME_NOREPLACE) it falls back to .NET's move, which
/// checks and renames in two steps.
/// </remarks>
internal static partial class NoReplaceRename
{
    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1;
    private const int Eexist = 17;
    private const int Enotempty = 39;
    private static bool renameat2Missing;

    /// <summary>Moves <paramref name="source"/> to <paramref name="destination"/>; false when the destination exists.</summary>
    /// <exception cref="IOException">Any other failure, with the errno in <see cref="Exception.HResult"/> (ENOENT as
    /// <see cref="FileNotFoundException"/>, EACCES/EPERM as <see cref="UnauthorizedAccessException"/>).</exception>
    public static bool TryMove(string source, string destination, bool isDirectory)
    {
        if (OperatingSystem.IsLinux())
        {
            if (!renameat2Missing)
            {
                try
                {
                    if (Renameat2(AtFdCwd, source, AtFdCwd, destination, RenameNoReplace) == 0)
                    {
                        return true;
                    }

                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is Eexist or Enotempty)
                    {
                        return false;
                    }

                    // EINVAL/ENOSYS/EOPNOTSUPP: this file system or kernel cannot do it; try the fallbacks.
                    if (errno is not (22 or 38 or 95))
                    {
                        throw Error(errno, source, destination);
                    }
                }
                catch (EntryPointNotFoundException)
                {
                    renameat2Missing = true;
                }
            }

            if (!isDirectory)
            {
                if (Link(source, destination) == 0)
                {
                    File.Delete(source);
                    return true;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Eexist)
                {
                    return false;
                }
            }
        }

        try
        {
            if (isDirectory)
            {
                Directory.Move(source, destination);
            }
            else
            {
                File.Move(source, destination, overwrite: false);
            }

            return true;
        }
        catch (IOException) when (Path.Exists(destination))
        {
            return false;
        }
    }

    private static Exception Error(int errno, string source, string destination)
    {
        var message = $"Cannot rename '{source}' to '{destination}': {Marshal.GetPInvokeErrorMessage(errno)}";
        return errno switch
        {
            2 => new FileNotFoundException(message, source),
            1 or 13 => new UnauthorizedAccessException(message),
            _ => new IOException(message, errno),
        };
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Renameat2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
