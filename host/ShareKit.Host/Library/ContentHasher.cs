using System.Buffers;
using System.Security.Cryptography;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>Computes the SHA-256 of a file in a store, streaming it through one pooled buffer.</summary>
internal static class ContentHasher
{
    private const int BufferSize = 256 * 1024;

    /// <summary>The hash as 64 lowercase hex digits.</summary>
    public static async Task<string> HashAsync(IFileStore store, StorePath path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var stream = await store.OpenReadAsync(path, 0, ct);
            await using (stream)
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
