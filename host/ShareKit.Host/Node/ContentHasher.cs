namespace ShareKit.Host.Node;

/// <summary>The protocol's content hash, BLAKE3-256 (chosen by measurement; see docs/protocol.md).</summary>
internal sealed class ContentHasher : IDisposable
{
    private Blake3.Hasher hasher = Blake3.Hasher.New();

    public void Append(ReadOnlySpan<byte> data) => hasher.Update(data);

    /// <summary>Writes the hash of everything appended into <paramref name="destination"/> (32 bytes).</summary>
    public void Finish(Span<byte> destination) => hasher.Finalize(destination);

    public void Dispose() => hasher.Dispose();
}
