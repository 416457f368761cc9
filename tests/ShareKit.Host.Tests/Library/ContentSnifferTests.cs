using ShareKit.Host.Library;
using ShareKit.Sdk;
using ShareKit.Testing.Library;

namespace ShareKit.Host.Tests.Library;

public sealed class ContentSnifferTests
{
    public static TheoryData<string, byte[], MediaKind> Files => new()
    {
        { "book.bin", MediaFixtures.Epub("t", "a"), MediaKind.Ebook },
        { "book.zip", MediaFixtures.Epub("t", "a"), MediaKind.Ebook },
        { "song", MediaFixtures.Mp3("t", "a", frames: 2), MediaKind.Audio },
        { "frames-only.dat", MediaFixtures.Mp3("t", "a", frames: 2)[^(2 * 417)..], MediaKind.Audio },
        { "sound.bin", MediaFixtures.Wav(1), MediaKind.Audio },
        { "doc", "%PDF-1.7\n"u8.ToArray(), MediaKind.Document },
        { "clip.mka", [0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0], MediaKind.Audio },
        { "clip", [0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0], MediaKind.Video },
        { "film.bin", [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'], MediaKind.Video },
        { "talk.bin", [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'M', (byte)'4', (byte)'A', (byte)' '], MediaKind.Audio },
        { "voice.bin", "OggS\0\x02"u8.ToArray(), MediaKind.Audio },
        { "music.flac.bin", "fLaC\0\0\0\x22"u8.ToArray(), MediaKind.Audio },
        { "photo", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], MediaKind.Image },
        { "letter.docx", "PK\x03\x04\x14\0\0\0"u8.ToArray(), MediaKind.Document },
        { "bundle", "PK\x03\x04\x14\0\0\0"u8.ToArray(), MediaKind.Archive },
        { "bundle.gz.part", [0x1F, 0x8B, 0x08, 0], MediaKind.Archive },
        { "readme.md", "# Hello"u8.ToArray(), MediaKind.Document },
        { "mystery", "just some bytes"u8.ToArray(), MediaKind.Other },
        { "empty.mp3", [], MediaKind.Audio },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Content_decides_the_kind_unless_the_extension_narrows_a_container(string name, byte[] head, MediaKind expected)
    {
        var sniffed = ContentSniffer.Sniff(head.AsSpan(0, Math.Min(head.Length, ContentSniffer.HeadLength)));

        Assert.Equal(expected, ContentSniffer.Decide(ExtensionKinds.Of(name), sniffed));
    }
}
