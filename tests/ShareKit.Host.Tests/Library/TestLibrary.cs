using System.Security.Cryptography;
using ShareKit.Testing;
using ShareKit.Testing.Library;

namespace ShareKit.Host.Tests.Library;

/// <summary>A generated library folder: a real EPUB and MP3 with metadata, and files whose kind only their content tells.</summary>
internal sealed class TestLibrary : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-library-");

    public TestLibrary()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(DataDirectory);
        Write("books/alice.epub", MediaFixtures.Epub("Alice's Adventures in Wonderland", "Lewis Carroll"));
        Write("books/no-extension", MediaFixtures.Epub("The Time Machine", "H. G. Wells"));
        Write("music/song.mp3", MediaFixtures.Mp3("Gymnopédie No. 1", "Erik Satie"));
        Write("music/tone.wav", MediaFixtures.Wav(1));
        Write("papers/report.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());
        Write("pictures/dot.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        Write("pictures/really-a-png.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        Write("notes.txt", "plain words about wonderland"u8.ToArray());
        Directory.CreateDirectory(Combine("empty-folder"));
    }

    public string Root => temp.Combine("library");

    public string DataDirectory => temp.Combine("data");

    public string Combine(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, byte[] content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public string Sha256Of(string relative) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Combine(relative))));

    public void Dispose() => temp.Dispose();
}
