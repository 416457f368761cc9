namespace ShareKit.Sdk;

/// <summary>
/// A write that is invisible until committed. Disposing without committing keeps the staged data (for resume)
/// but publishes nothing; <see cref="DiscardAsync"/> deletes it.
/// </summary>
public interface IStagedWrite : IAsyncDisposable
{
    /// <summary>The path that <see cref="CommitAsync"/> publishes to.</summary>
    StorePath Path { get; }

    /// <summary>The staged content, positioned at <see cref="ResumeOffset"/>. Write the rest here.</summary>
    Stream Content { get; }

    /// <summary>How many bytes were already staged when this write began (0 for a fresh write).</summary>
    long ResumeOffset { get; }

    /// <summary>The modification time to give the file on commit; null keeps the commit time.</summary>
    DateTimeOffset? LastModified { get; set; }

    /// <summary>Flushes the content to stable storage and publishes it atomically at <see cref="Path"/>.</summary>
    /// <exception cref="StoreConflictException">The mode was <see cref="WriteMode.CreateNew"/> and the path now exists.</exception>
    /// <exception cref="StorageFullException">The store ran out of space; nothing was published.</exception>
    ValueTask CommitAsync(CancellationToken ct);

    /// <summary>Deletes the staged data (e.g. after a failed verification). Nothing is published.</summary>
    ValueTask DiscardAsync(CancellationToken ct);
}
