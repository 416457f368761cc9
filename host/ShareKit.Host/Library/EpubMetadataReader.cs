using System.IO.Compression;
using System.Xml;

namespace ShareKit.Host.Library;

/// <summary>
/// Reads an EPUB's title and first creator from its package document (OPF): <c>META-INF/container.xml</c> names the
/// OPF, whose <c>dc:title</c> and <c>dc:creator</c> are taken. Entries are size-capped and DTDs refused, so a hostile
/// file costs little.
/// </summary>
internal static class EpubMetadataReader
{
    private const long MaxXmlBytes = 1024 * 1024;
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The metadata, or <see cref="MediaMetadata.None"/> when the file is not a readable EPUB.</summary>
    public static MediaMetadata Read(Stream seekableContent)
    {
        try
        {
            using var zip = new ZipArchive(seekableContent, ZipArchiveMode.Read, leaveOpen: true);
            var container = zip.GetEntry("META-INF/container.xml");
            if (container is null || container.Length > MaxXmlBytes)
            {
                return MediaMetadata.None;
            }

            var opfPath = ReadRootFilePath(container);
            var opf = opfPath is null ? null : zip.GetEntry(opfPath);
            return opf is null || opf.Length > MaxXmlBytes ? MediaMetadata.None : ReadPackage(opf);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return MediaMetadata.None;
        }
    }

    private static string? ReadRootFilePath(ZipArchiveEntry container)
    {
        using var reader = CreateReader(container);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rootfile" && reader.GetAttribute("full-path") is { Length: > 0 } path)
            {
                return path;
            }
        }

        return null;
    }

    private static MediaMetadata ReadPackage(ZipArchiveEntry opf)
    {
        string? title = null;
        string? creator = null;
        using var reader = CreateReader(opf);
        while (reader.Read() && (title is null || creator is null))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != DublinCore)
            {
                continue;
            }

            if (reader.LocalName == "title" && title is null)
            {
                title = MediaMetadata.Clean(reader.ReadElementContentAsString());
            }
            else if (reader.LocalName == "creator" && creator is null)
            {
                creator = MediaMetadata.Clean(reader.ReadElementContentAsString());
            }
        }

        return new MediaMetadata(title, creator);
    }

    private static XmlReader CreateReader(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxXmlBytes,
            IgnoreComments = true,
            CloseInput = true,
        });
}
