using System.Security.Cryptography;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Storage.Local;

/// <summary>
/// The files of staged writes in the hidden staging folder, three per target path, named by a hash of the path:
/// <c>&lt;key&gt;.part</c> (the content), <c>&lt;key&gt;.target</c> (the store path, so stale staging can be
/// traced to its file) and <c>&lt;key&gt;.lock</c> (held with <see cref="FileShare.None"/> by the one writer).
/// </summary>
/// <remarks>
/// <see cref="FileShare.None"/> makes .NET take an exclusive <c>flock</c> on Unix, which excludes other handles in
/// this process and in other processes alike. The lock lives on its own file rather than on the content so the
/// content can be renamed into place while the lock is still held: readers of the published file never meet a
/// lock. A writer that opened a lock file just before its holder deleted it would lock an orphan; it notices
/// through <c>/proc/self/fd</c> and opens again. Without <c>/proc</c> lock files are kept instead of deleted.
/// </remarks>
internal sealed class StagingArea(string directory)
{
    private const int MaxLockAttempts = 8;
    private static readonly bool CanCheckHandles = System.IO.Directory.Exists("/proc/self/fd");

    public string Directory { get; } = directory;

    /// <summary>True when lock files may be deleted after use (see the remarks).</summary>
    public static bool DeletesLockFiles => CanCheckHandles;

    public string ContentPath(StorePath path) => Path.Combine(Directory, Key(path) + ".part");

    public string TargetNotePath(StorePath path) => Path.Combine(Directory, Key(path) + ".target");

    public string LockPath(StorePath path) => Path.Combine(Directory, Key(path) + ".lock");

    /// <summary>Takes the writer's lock for <paramref name="path"/>, or returns null when another writer holds it.</summary>
    public FileStream? TryLock(StorePath path)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var lockPath = LockPath(path);
        for (var attempt = 0; attempt < MaxLockAttempts; attempt++)
        {
            FileStream handle;
            try
            {
                handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException e) when (IsSharingViolation(e))
            {
                return null;
            }

            if (StillNamed(handle, lockPath))
            {
                return handle;
            }

            handle.Dispose();
        }

        throw new StorageException($"Could not take the write lock '{lockPath}': it kept being replaced by other writers.");
    }

    /// <summary>Records which store path a staged write belongs to (once per staged write).</summary>
    public void WriteTargetNote(StorePath path)
    {
        var note = TargetNotePath(path);
        if (!File.Exists(note))
        {
            File.WriteAllText(note, path.Value, Encoding.UTF8);
        }
    }

    /// <summary>Deletes the content and the note of a staged write (the caller holds its lock).</summary>
    public void DeleteStaged(StorePath path)
    {
        File.Delete(ContentPath(path));
        File.Delete(TargetNotePath(path));
    }

    /// <summary>Releases a lock taken with <see cref="TryLock"/>, deleting its file where that is safe.</summary>
    public void Unlock(StorePath path, FileStream handle)
    {
        if (DeletesLockFiles)
        {
            try
            {
                File.Delete(LockPath(path));
            }
            catch (IOException)
            {
                // A leftover lock file is harmless: the next writer opens and locks it.
            }
        }

        handle.Dispose();
    }

    private static bool IsSharingViolation(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) || e.GetType() == typeof(IOException) && e.Message.Contains("being used by another process", StringComparison.Ordinal);

    private static bool StillNamed(FileStream handle, string lockPath)
    {
        if (!CanCheckHandles)
        {
            return true;
        }

        var fd = handle.SafeFileHandle.DangerousGetHandle();
        var named = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        return named is null || named == lockPath;
    }

    private static string Key(StorePath path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path.Value)).AsSpan(0, 16));
}
