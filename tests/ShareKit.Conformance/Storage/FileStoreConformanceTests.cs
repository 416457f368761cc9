using ShareKit.Sdk;
using Xunit;
using static ShareKit.Conformance.Storage.StoreContent;

namespace ShareKit.Conformance.Storage;

/// <summary>
/// The rules every <see cref="IFileStore"/> must keep, as xunit tests. Derive a class in your test project,
/// return a fresh, empty, writable store from <see cref="CreateStore"/> (xunit makes a new instance of your class
/// per test and disposes it if it is <see cref="IDisposable"/>, so clean up there), and the inherited tests run.
/// </summary>
/// <remarks>
/// This file holds the staged-write rules; reading, listing, deleting, moving and names are in the other parts.
/// Rules that depend on a capability (resume, append, modification time) check <see cref="IFileStore.Capabilities"/>
/// first and test the documented fallback when the capability is absent.
/// </remarks>
public abstract partial class FileStoreConformanceTests
{
    /// <summary>The timeout for each operation; raise it for slow remote stores.</summary>
    protected virtual TimeSpan OperationTimeout => TimeSpan.FromSeconds(30);

    /// <summary>A fresh, empty, writable store for one test.</summary>
    protected abstract IFileStore CreateStore();

    /// <summary>A staged write shows nothing at its path, in stat or listing, until it is committed.</summary>
    [Fact]
    public async Task Staged_write_is_invisible_until_commit()
    {
        var store = CreateStore();
        var path = StorePath.Parse("report.bin");
        var content = Bytes(300_000);
        await using (var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct))
        {
            Assert.Equal(path, write.Path);
            Assert.Equal(0, write.ResumeOffset);
            await write.Content.WriteAsync(content);
            await write.Content.FlushAsync();

            Assert.Null(await store.StatAsync(path, Ct));
            Assert.Empty(await TreeAsync(store, StorePath.Root));
            await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.OpenReadAsync(path, 0, Ct));

            await write.CommitAsync(Ct);
        }

        var entry = await store.StatAsync(path, Ct);
        Assert.NotNull(entry);
        Assert.False(entry.IsDirectory);
        Assert.Equal(content.Length, entry.Length);
        Assert.Equal(content, await ReadAsync(store, path));
        Assert.Equal(["report.bin"], await TreeAsync(store, StorePath.Root));
    }

    /// <summary>Disposing without commit publishes nothing; a new write of the path resumes at the staged length.</summary>
    [Fact]
    public async Task Dispose_without_commit_publishes_nothing_and_reopen_resumes_at_staged_length()
    {
        var store = CreateStore();
        var path = StorePath.Parse("resume.bin");
        var content = Bytes(200_000);
        var first = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await first.Content.WriteAsync(content.AsMemory(0, 70_000));
        await first.DisposeAsync();

        Assert.Null(await store.StatAsync(path, Ct));
        Assert.Empty(await TreeAsync(store, StorePath.Root));

        await using var second = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        if (!store.Capabilities.HasFlag(StoreCapabilities.ResumableWrites))
        {
            Assert.Equal(0, second.ResumeOffset);
            return;
        }

        Assert.Equal(70_000, second.ResumeOffset);
        if (second.Content.CanSeek)
        {
            Assert.Equal(70_000, second.Content.Position);
        }

        await second.Content.WriteAsync(content.AsMemory(70_000));
        await second.CommitAsync(Ct);
        Assert.Equal(content, await ReadAsync(store, path));
    }

    /// <summary>Discarding deletes the staged data: nothing is published and the next write starts at 0.</summary>
    [Fact]
    public async Task Discard_removes_staged_data()
    {
        var store = CreateStore();
        var path = StorePath.Parse("discarded.bin");
        await using (var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct))
        {
            await write.Content.WriteAsync(Bytes(5000));
            await write.DiscardAsync(Ct);
        }

        Assert.Null(await store.StatAsync(path, Ct));
        await using var again = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        Assert.Equal(0, again.ResumeOffset);
        await again.DiscardAsync(Ct);
        Assert.Empty(await TreeAsync(store, StorePath.Root));
    }

    /// <summary>A CreateNew commit is refused when something appeared at the path after the write began; that file is untouched.</summary>
    [Fact]
    public async Task CreateNew_commit_is_refused_when_the_path_exists_by_then()
    {
        var store = CreateStore();
        var path = StorePath.Parse("race.txt");
        var winner = Bytes(1000, seed: 7);
        await using var late = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await late.Content.WriteAsync(Bytes(2000, seed: 8));

        // Another path's writer cannot hold this path, so the competitor publishes through a move.
        var other = StorePath.Parse("other.txt");
        await WriteAsync(store, other, winner, WriteMode.CreateNew);
        await store.MoveAsync(other, path, Ct);

        var refused = await Assert.ThrowsAsync<StoreConflictException>(async () => await late.CommitAsync(Ct));
        Assert.Equal(path, refused.Path);
        Assert.Equal(winner, await ReadAsync(store, path));
    }

    /// <summary>A CreateNew write of a path that already holds a file is refused at commit, and the file stays.</summary>
    [Fact]
    public async Task CreateNew_over_an_existing_file_is_refused_and_keeps_it()
    {
        var store = CreateStore();
        var path = StorePath.Parse("keep.txt");
        var original = Bytes(100, seed: 3);
        await WriteAsync(store, path, original, WriteMode.CreateNew);

        await using var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await write.Content.WriteAsync(Bytes(50, seed: 4));
        await Assert.ThrowsAsync<StoreConflictException>(async () => await write.CommitAsync(Ct));
        await write.DiscardAsync(Ct);
        Assert.Equal(original, await ReadAsync(store, path));
    }

    /// <summary>Replace publishes the new content in one step: an open reader sees the old file or the new one, never a mix.</summary>
    [Fact]
    public async Task Replace_replaces_the_file_atomically()
    {
        var store = CreateStore();
        var path = StorePath.Parse("doc.bin");
        var oldContent = Bytes(150_000, seed: 1);
        var newContent = Bytes(90_000, seed: 2);
        await WriteAsync(store, path, oldContent, WriteMode.CreateNew);

        await using var reader = await store.OpenReadAsync(path, 0, Ct);
        var head = new byte[10];
        await reader.ReadExactlyAsync(head);
        await WriteAsync(store, path, newContent, WriteMode.Replace);

        var rest = await ReadToEndAsync(reader);
        var seenByReader = head.Concat(rest).ToArray();
        Assert.True(seenByReader.SequenceEqual(oldContent) || seenByReader.SequenceEqual(newContent), "an open reader saw a mix of the old and the new file");
        Assert.Equal(newContent, await ReadAsync(store, path));
        Assert.Equal(newContent.Length, (await store.StatAsync(path, Ct))!.Length);
    }

    /// <summary>Append starts the staged content as a copy of the existing file (or refuses with NotSupportedException).</summary>
    [Fact]
    public async Task Append_starts_from_the_existing_content()
    {
        var store = CreateStore();
        var path = StorePath.Parse("log.txt");
        var start = Bytes(4000, seed: 5);
        var more = Bytes(3000, seed: 6);
        await WriteAsync(store, path, start, WriteMode.CreateNew);
        if (!store.Capabilities.HasFlag(StoreCapabilities.Append))
        {
            await Assert.ThrowsAsync<NotSupportedException>(async () => await store.BeginWriteAsync(path, WriteMode.Append, Ct));
            return;
        }

        await using (var write = await store.BeginWriteAsync(path, WriteMode.Append, Ct))
        {
            Assert.Equal(start.Length, write.ResumeOffset);
            await write.Content.WriteAsync(more);
            Assert.Equal(start, await ReadAsync(store, path));
            await write.CommitAsync(Ct);
        }

        Assert.Equal(start.Concat(more).ToArray(), await ReadAsync(store, path));
    }

    /// <summary>While one staged write holds a path, a second writer of that path is refused; other paths are free.</summary>
    [Fact]
    public async Task Concurrent_second_writer_of_a_path_is_refused()
    {
        var store = CreateStore();
        var path = StorePath.Parse("busy.bin");
        await using var first = await store.BeginWriteAsync(path, WriteMode.Replace, Ct);
        await first.Content.WriteAsync(Bytes(1000));

        var refused = await Assert.ThrowsAsync<StoreConflictException>(async () => await store.BeginWriteAsync(path, WriteMode.Replace, Ct));
        Assert.Equal(path, refused.Path);
        Assert.Contains("being written", refused.Message, StringComparison.Ordinal);

        await using (var elsewhere = await store.BeginWriteAsync(StorePath.Parse("free.bin"), WriteMode.Replace, Ct))
        {
            await elsewhere.DiscardAsync(Ct);
        }

        await first.CommitAsync(Ct);
        await using var next = await store.BeginWriteAsync(path, WriteMode.Replace, Ct);
        Assert.Equal(0, next.ResumeOffset);
        await next.DiscardAsync(Ct);
    }

    /// <summary>Many writers racing for one path: each either gets the path or a conflict, and the published file is exactly one writer's content.</summary>
    [Fact]
    public async Task Racing_writers_never_mix_their_content()
    {
        var store = CreateStore();
        var path = StorePath.Parse("contended.bin");
        var contents = Enumerable.Range(0, 8).Select(i => Bytes(64 * 1024, seed: 100 + i)).ToArray();
        var results = await Task.WhenAll(contents.Select(content => Task.Run(async () =>
        {
            try
            {
                await WriteAsync(store, path, content, WriteMode.Replace);
                return true;
            }
            catch (StoreConflictException)
            {
                return false;
            }
        })));

        Assert.Contains(true, results);
        var published = await ReadAsync(store, path);
        Assert.Contains(contents, c => c.SequenceEqual(published));
    }

    /// <summary>Committing sets the modification time given in LastModified when the store says it can.</summary>
    [Fact]
    public async Task Commit_sets_the_given_modification_time()
    {
        var store = CreateStore();
        var path = StorePath.Parse("dated.txt");
        var when = new DateTimeOffset(2020, 5, 17, 10, 30, 0, TimeSpan.Zero);
        await using (var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct))
        {
            write.LastModified = when;
            await write.Content.WriteAsync(Bytes(10));
            await write.CommitAsync(Ct);
        }

        var entry = await store.StatAsync(path, Ct);
        Assert.NotNull(entry);
        if (store.Capabilities.HasFlag(StoreCapabilities.PreservesModificationTime))
        {
            Assert.Equal(when, entry.LastModified, TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>After commit or discard the write is finished: its content can no longer be reached.</summary>
    [Fact]
    public async Task A_finished_write_cannot_be_committed_again()
    {
        var store = CreateStore();
        var path = StorePath.Parse("once.txt");
        var write = await store.BeginWriteAsync(path, WriteMode.CreateNew, Ct);
        await write.Content.WriteAsync(Bytes(10));
        await write.CommitAsync(Ct);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await write.CommitAsync(Ct));
        await write.DisposeAsync();
        Assert.Equal(Bytes(10), await ReadAsync(store, path));
    }

    /// <summary>A token that cancels the test's store calls after <see cref="OperationTimeout"/>.</summary>
    protected CancellationToken Ct => new CancellationTokenSource(OperationTimeout).Token;
}
