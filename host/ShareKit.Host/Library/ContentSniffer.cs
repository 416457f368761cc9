using System.Buffers.Binary;
using ShareKit.Sdk;

namespace ShareKit.Host.Library;

/// <summary>Recognises a file's format from its first bytes (magic numbers), whatever its name says.</summary>
internal static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 512;

    private static ReadOnlySpan<byte> Matroska => [0x1A, 0x45, 0xDF, 0xA3];

    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> SevenZip => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];

    private static ReadOnlySpan<byte> Gzip => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Xz => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    private static ReadOnlySpan<byte> Zstandard => [0x28, 0xB5, 0x2F, 0xFD];

    private static ReadOnlySpan<byte> TheoraHeader => [0x80, (byte)'t', (byte)'h', (byte)'e', (byte)'o', (byte)'r', (byte)'a'];

    /// <summary>What the first bytes reveal; <see cref="SniffResult.Unknown"/> when nothing is recognised.</summary>
    public static SniffResult Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return new(MediaKind.Document, Container.None);
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return IsEpub(head) ? new(MediaKind.Ebook, Container.None) : new(MediaKind.Archive, Container.Zip);
        }

        if (head.StartsWith("ID3"u8) || IsMpegAudioFrame(head) || head.StartsWith("fLaC"u8))
        {
            return new(MediaKind.Audio, Container.None);
        }

        if (head.StartsWith("OggS"u8))
        {
            return head.IndexOf(TheoraHeader) >= 0 ? new(MediaKind.Video, Container.AudioOrVideo) : new(MediaKind.Audio, Container.AudioOrVideo);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head[8..12];
            return form.SequenceEqual("WAVE"u8) ? new(MediaKind.Audio, Container.None)
                : form.SequenceEqual("AVI "u8) ? new(MediaKind.Video, Container.None)
                : form.SequenceEqual("WEBP"u8) ? new(MediaKind.Image, Container.None)
                : SniffResult.Unknown;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            return brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8) || brand.SequenceEqual("M4P "u8)
                ? new(MediaKind.Audio, Container.AudioOrVideo)
                : brand.SequenceEqual("avif"u8) || brand.SequenceEqual("heic"u8) ? new(MediaKind.Image, Container.None)
                : new(MediaKind.Video, Container.AudioOrVideo);
        }

        if (head.StartsWith(Matroska))
        {
            return new(MediaKind.Video, Container.AudioOrVideo);
        }

        if (head.StartsWith(Png) || head.StartsWith(Jpeg)
            || head.StartsWith("GIF8"u8) || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return new(MediaKind.Image, Container.None);
        }

        if (head.StartsWith("AT&TFORM"u8) || (head.Length >= 68 && head[60..68].SequenceEqual("BOOKMOBI"u8)))
        {
            return new(MediaKind.Ebook, Container.None);
        }

        if (head.StartsWith(SevenZip) || head.StartsWith("Rar!\x1A\x07"u8) || head.StartsWith(Gzip)
            || head.StartsWith("BZh"u8) || head.StartsWith(Xz)
            || head.StartsWith(Zstandard) || (head.Length >= 262 && head[257..262].SequenceEqual("ustar"u8)))
        {
            return new(MediaKind.Archive, Container.Zip);
        }

        return SniffResult.Unknown;
    }

    /// <summary>Combines the extension's guess with the sniffed format: content wins unless it is a generic container the extension narrows.</summary>
    public static MediaKind Decide(MediaKind byExtension, SniffResult sniffed)
    {
        if (sniffed.Kind is not { } kind)
        {
            return byExtension;
        }

        return sniffed.Container switch
        {
            // Office files, comics and ebooks are zip files too; their extension says more than the zip header.
            Container.Zip when byExtension is MediaKind.Document or MediaKind.Ebook => byExtension,

            // Ogg, Matroska and MP4 hold sound or film alike.
            Container.AudioOrVideo when byExtension is MediaKind.Audio or MediaKind.Video => byExtension,
            _ => kind,
        };
    }

    private static bool IsEpub(ReadOnlySpan<byte> head)
    {
        // EPUB's first zip entry is an uncompressed "mimetype" holding "application/epub+zip" (OCF 3.0 §4.3).
        if (head.Length < 30)
        {
            return false;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[28..]);
        var dataStart = 30 + nameLength + extraLength;
        return nameLength == 8 && head[30..38].SequenceEqual("mimetype"u8)
            && head.Length >= dataStart + 20 && head[dataStart..].StartsWith("application/epub+zip"u8);
    }

    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4)
        {
            return false;
        }

        // Frame sync (11 bits), a valid version and layer, and a bitrate index that is neither free nor bad.
        var header = BinaryPrimitives.ReadUInt32BigEndian(head);
        var version = (header >> 19) & 3;
        var layer = (header >> 17) & 3;
        var bitrate = (header >> 12) & 0xF;
        var sampleRate = (header >> 10) & 3;
        return (header & 0xFFE00000) == 0xFFE00000 && version != 1 && layer != 0 && bitrate is not (0 or 15) && sampleRate != 3;
    }
}
