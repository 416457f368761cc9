using System.Buffers;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>Opens one file of a store and learns what it is: its kind from name and first bytes, and its title and author.</summary>
internal static class FileExaminer
{
    public static async Task<(MediaKind Kind, MediaMetadata Metadata)> ExamineAsync(IFileStore store, FileEntry file, CancellationToken ct)
    {
        var byExtension = ExtensionKinds.Of(file.Name);
        var stream = await store.OpenReadAsync(file.Path, 0, ct);
        await using (stream)
        {
            var head = ArrayPool<byte>.Shared.Rent(ContentSniffer.HeadLength);
            MediaKind kind;
            try
            {
                var read = await stream.ReadAtLeastAsync(head.AsMemory(0, ContentSniffer.HeadLength), ContentSniffer.HeadLength, throwOnEndOfStream: false, ct);
                kind = ContentSniffer.Decide(byExtension, ContentSniffer.Sniff(head.AsSpan(0, read)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(head);
            }

            if (!stream.CanSeek || kind is not (MediaKind.Ebook or MediaKind.Audio or MediaKind.Video))
            {
                return (kind, MediaMetadata.None);
            }

            stream.Position = 0;
            var metadata = kind == MediaKind.Ebook
                ? EpubMetadataReader.Read(stream)
                : TagMetadataReader.Read(file.Name, stream);
            return (kind, metadata);
        }
    }
}
