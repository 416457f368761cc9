using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>Turns file-system exceptions into the SDK's storage errors with messages a person can act on.</summary>
internal static class StorageErrors
{
    // errno values as .NET reports them in IOException.HResult on Unix, and the Win32 HRESULTs on Windows.
    private const int Enospc = 28;
    private const int EdquotLinux = 122;
    private const int EdquotBsd = 69;
    private const int Erofs = 30;
    private const int Eacces = 13;
    private const int Eperm = 1;
    private const int Enotempty = 39;
    private const int EnotemptyBsd = 66;
    private const int WinDiskFull = unchecked((int)0x80070070);
    private const int WinHandleDiskFull = unchecked((int)0x80070027);
    private const int WinDirNotEmpty = unchecked((int)0x80070091);

    public static bool IsDiskFull(Exception e) =>
        e is IOException { HResult: Enospc or EdquotLinux or EdquotBsd or WinDiskFull or WinHandleDiskFull };

    public static bool IsNotEmpty(Exception e) =>
        e is IOException { HResult: Enotempty or EnotemptyBsd or WinDirNotEmpty };

    public static StorageFullException Full(string share, StorePath path, Exception e) =>
        new($"The share '{share}' is full: there is no space left to write {path.ToDisplayString()} ({e.Message}). Free some space and send it again; files already in the share are untouched.", e);

    /// <summary>
    /// Maps <paramref name="e"/> (from <paramref name="action"/> on <paramref name="path"/>) to a storage error,
    /// or null when it is not a file-system error (cancellation, a bug) and should pass unchanged.
    /// </summary>
    public static StorageException? Map(Exception e, string share, string action, StorePath path)
    {
        switch (e)
        {
            case StorageException already:
                return already;
            case FileNotFoundException or DirectoryNotFoundException:
                return new StoreNotFoundException(path, $"{path.ToDisplayString()} does not exist in the share '{share}'.");
            case UnauthorizedAccessException:
                return new StorageException($"Permission denied: ShareKit may not {action} {path.ToDisplayString()} in the share '{share}' (check the owner and mode of the share's folder).", e);
            case IOException when IsDiskFull(e):
                return Full(share, path, e);
            case IOException { HResult: Erofs }:
                return new StorageException($"The share '{share}' is on a read-only file system; ShareKit cannot {action} {path.ToDisplayString()}.", e);
            case IOException { HResult: Eacces or Eperm }:
                return new StorageException($"Permission denied: ShareKit may not {action} {path.ToDisplayString()} in the share '{share}' (check the owner and mode of the share's folder).", e);
            case IOException:
                return new StorageException($"Could not {action} {path.ToDisplayString()} in the share '{share}': {e.Message}", e);
            default:
                return null;
        }
    }
}
