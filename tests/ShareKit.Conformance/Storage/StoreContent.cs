using System.Buffers;
using ShareKit.Sdk;

namespace ShareKit.Conformance.Storage;

/// <summary>Small helpers the store conformance tests share: write, read and list through the contract only.</summary>
public static class StoreContent
{
    /// <summary>Deterministic test bytes: <paramref name="length"/> bytes seeded by <paramref name="seed"/>.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with a staged write and commits it.</summary>
    public static async Task WriteAsync(IFileStore store, StorePath path, byte[] content, WriteMode mode = WriteMode.Replace)
    {
        await using var write = await store.BeginWriteAsync(path, mode, CancellationToken.None);
        await write.Content.WriteAsync(content);
        await write.CommitAsync(CancellationToken.None);
    }

    /// <summary>Reads the whole file at <paramref name="path"/> from <paramref name="offset"/>.</summary>
    public static async Task<byte[]> ReadAsync(IFileStore store, StorePath path, long offset = 0)
    {
        await using var stream = await store.OpenReadAsync(path, offset, CancellationToken.None);
        return await ReadToEndAsync(stream);
    }

    /// <summary>Reads a stream to its end.</summary>
    public static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var all = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                all.Write(buffer, 0, read);
            }

            return all.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The entries directly in <paramref name="directory"/>, sorted by path.</summary>
    public static async Task<List<FileEntry>> ListAsync(IFileStore store, StorePath directory)
    {
        var entries = new List<FileEntry>();
        await foreach (var entry in store.ListAsync(directory, CancellationToken.None))
        {
            entries.Add(entry);
        }

        entries.Sort((a, b) => a.Path.CompareTo(b.Path));
        return entries;
    }

    /// <summary>Every path in the store below <paramref name="directory"/> (folders with a trailing '/'), sorted; bounded in count.</summary>
    public static async Task<List<string>> TreeAsync(IFileStore store, StorePath directory, int limit = 10_000)
    {
        var result = new List<string>();
        var pending = new Queue<StorePath>();
        pending.Enqueue(directory);
        while (pending.Count > 0 && result.Count < limit)
        {
            foreach (var entry in await ListAsync(store, pending.Dequeue()))
            {
                result.Add(entry.IsDirectory ? entry.Path.Value + "/" : entry.Path.Value);
                if (entry.IsDirectory)
                {
                    pending.Enqueue(entry.Path);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
