using System.Collections.Concurrent;

namespace ShareKit.Storage.S3;

/// <summary>
/// The keys with a live staged write in this process, across all S3 stores (two shares may name the same bucket).
/// Other hosts are not seen here; see <see cref="S3StagedWrite"/> for what happens across hosts.
/// </summary>
internal static class WriterRegistry
{
    private static readonly ConcurrentDictionary<string, byte> Held = new(StringComparer.Ordinal);

    public static bool TryAcquire(string id) => Held.TryAdd(id, 0);

    public static void Release(string id) => Held.TryRemove(id, out _);
}
