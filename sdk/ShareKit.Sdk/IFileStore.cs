namespace ShareKit.Sdk;

/// <summary>
/// A tree of files and folders addressed by <see cref="StorePath"/>. Implementations never reach outside their
/// root (no link is followed out of it), are safe for concurrent use, and report failures as
/// <see cref="StorageException"/> subtypes with a message a person can act on.
/// </summary>
public interface IFileStore
{
    /// <summary>What this store can do beyond reading.</summary>
    StoreCapabilities Capabilities { get; }

    /// <summary>The entry at <paramref name="path"/>, or null if nothing is there.</summary>
    ValueTask<FileEntry?> StatAsync(StorePath path, CancellationToken ct);

    /// <summary>The entries directly inside the folder <paramref name="directory"/>, in no particular order.</summary>
    /// <exception cref="StoreNotFoundException">The folder does not exist.</exception>
    IAsyncEnumerable<FileEntry> ListAsync(StorePath directory, CancellationToken ct);

    /// <summary>Opens a file for reading, positioned at <paramref name="offset"/>. The stream is forward-readable; it may be seekable.</summary>
    /// <exception cref="StoreNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end.</exception>
    ValueTask<Stream> OpenReadAsync(StorePath path, long offset, CancellationToken ct);

    /// <summary>
    /// Starts (or resumes) a staged write to <paramref name="path"/>. Nothing is visible at <paramref name="path"/>
    /// until <see cref="IStagedWrite.CommitAsync"/>. Staged data left by an earlier writer for the same path
    /// (a dropped connection, a killed process) is reopened and its length is <see cref="IStagedWrite.ResumeOffset"/>.
    /// </summary>
    /// <exception cref="StoreConflictException">Another writer holds a staged write for the same path.</exception>
    /// <exception cref="NotSupportedException">The store cannot write, or cannot do <paramref name="mode"/>.</exception>
    ValueTask<IStagedWrite> BeginWriteAsync(StorePath path, WriteMode mode, CancellationToken ct);

    /// <summary>Creates a folder and any missing parents; succeeds if it already exists.</summary>
    ValueTask CreateDirectoryAsync(StorePath path, CancellationToken ct);

    /// <summary>Deletes a file or an empty folder.</summary>
    /// <exception cref="StoreNotFoundException">Nothing is there.</exception>
    /// <exception cref="StoreConflictException">The folder is not empty.</exception>
    ValueTask DeleteAsync(StorePath path, CancellationToken ct);

    /// <summary>Renames or moves a file or folder; refuses to replace an existing entry.</summary>
    /// <exception cref="StoreNotFoundException"><paramref name="from"/> does not exist.</exception>
    /// <exception cref="StoreConflictException"><paramref name="to"/> exists already.</exception>
    ValueTask MoveAsync(StorePath from, StorePath to, CancellationToken ct);
}

/// <summary>What a store can do beyond reading files and listing folders.</summary>
[Flags]
public enum StoreCapabilities
{
    /// <summary>Read-only.</summary>
    None = 0,

    /// <summary>Staged writes, folders and deletes work.</summary>
    Write = 1,

    /// <summary>A staged write survives its writer and can be resumed.</summary>
    ResumableWrites = 2,

    /// <summary><see cref="WriteMode.Append"/> is supported.</summary>
    Append = 4,

    /// <summary>Moves are atomic renames (not copy + delete).</summary>
    AtomicMove = 8,

    /// <summary>The store sets modification times given in <see cref="IStagedWrite.LastModified"/>.</summary>
    PreservesModificationTime = 16,
}

/// <summary>What a commit does when the target exists.</summary>
public enum WriteMode
{
    /// <summary>The commit is refused with <see cref="StoreConflictException"/> if something exists at the path by then.</summary>
    CreateNew,

    /// <summary>The commit atomically replaces an existing file (readers see the old or the new file, never a mix).</summary>
    Replace,

    /// <summary>The staged content starts as a copy of the existing file, and the commit replaces it.</summary>
    Append,
}
