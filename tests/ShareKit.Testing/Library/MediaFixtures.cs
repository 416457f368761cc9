using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ShareKit.Testing.Library;

/// <summary>Real, minimal media files made in memory: an EPUB with Dublin Core metadata, an MP3 with ID3v2.4 tags, a WAV.</summary>
public static class MediaFixtures
{
    /// <summary>A valid EPUB 3: the stored mimetype entry first, container.xml, an OPF with title and creator, one chapter.</summary>
    public static byte[] Epub(string title, string creator)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", "application/epub+zip", CompressionLevel.NoCompression);
            Write(zip, "META-INF/container.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """, CompressionLevel.Optimal);
            Write(zip, "OEBPS/content.opf", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="id">urn:uuid:0b1e7c2a-8f0e-4a55-9d7b-5b6f7b0c2e11</dc:identifier>
                    <dc:title>{System.Security.SecurityElement.Escape(title)}</dc:title>
                    <dc:creator>{System.Security.SecurityElement.Escape(creator)}</dc:creator>
                    <dc:language>en</dc:language>
                    <meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>
                  </metadata>
                  <manifest><item id="c1" href="chapter1.xhtml" media-type="application/xhtml+xml"/></manifest>
                  <spine><itemref idref="c1"/></spine>
                </package>
                """, CompressionLevel.Optimal);
            Write(zip, "OEBPS/chapter1.xhtml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>1</title></head><body><p>Once upon a time.</p></body></html>
                """, CompressionLevel.Optimal);
        }

        return memory.ToArray();
    }

    /// <summary>
    /// An MP3: an ID3v2.4 tag (UTF-8 TIT2 title and TPE1 artist) followed by <paramref name="frames"/> MPEG-1 Layer III
    /// frames (128 kbit/s, 44.1 kHz, mono, 26 ms each) of silence.
    /// </summary>
    public static byte[] Mp3(string title, string artist, int frames = 400)
    {
        var tagFrames = new MemoryStream();
        WriteTextFrame(tagFrames, "TIT2", title);
        WriteTextFrame(tagFrames, "TPE1", artist);
        var body = tagFrames.ToArray();

        const int frameLength = 417; // 144 * 128000 / 44100, no padding
        var result = new byte[10 + body.Length + (frames * frameLength)];
        "ID3"u8.CopyTo(result);
        result[3] = 4;
        WriteSyncSafe(result.AsSpan(6), body.Length);
        body.CopyTo(result, 10);
        for (var i = 0; i < frames; i++)
        {
            // Sync, MPEG-1, Layer III, no CRC | 128 kbit/s, 44.1 kHz, no padding | mono.
            var header = result.AsSpan(10 + body.Length + (i * frameLength));
            header[0] = 0xFF;
            header[1] = 0xFB;
            header[2] = 0x90;
            header[3] = 0xC4;
        }

        return result;
    }

    /// <summary>A PCM WAV (16-bit mono, 8 kHz) of a quiet tone lasting <paramref name="seconds"/>.</summary>
    public static byte[] Wav(int seconds)
    {
        const int rate = 8000;
        var samples = rate * seconds;
        var result = new byte[44 + (samples * 2)];
        var span = result.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], result.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(2000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (i * 2))..], value);
        }

        return result;
    }

    private static void Write(ZipArchive zip, string name, string text, CompressionLevel level)
    {
        var entry = zip.CreateEntry(name, level);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void WriteTextFrame(MemoryStream tag, string id, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        Span<byte> header = stackalloc byte[10];
        Encoding.ASCII.GetBytes(id, header);
        WriteSyncSafe(header[4..], payload.Length + 1);
        tag.Write(header);
        tag.WriteByte(3); // UTF-8
        tag.Write(payload);
    }

    private static void WriteSyncSafe(Span<byte> target, int value)
    {
        target[0] = (byte)((value >> 21) & 0x7F);
        target[1] = (byte)((value >> 14) & 0x7F);
        target[2] = (byte)((value >> 7) & 0x7F);
        target[3] = (byte)(value & 0x7F);
    }
}
