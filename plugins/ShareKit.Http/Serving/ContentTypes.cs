using Microsoft.AspNetCore.StaticFiles;

namespace ShareKit.Http;

/// <summary>The media type of a file from its name, as browsers need it to play or show the file.</summary>
internal static class ContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = Build();

    public static string Of(string fileName) =>
        Provider.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";

    private static FileExtensionContentTypeProvider Build()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".epub"] = "application/epub+zip";
        provider.Mappings[".mkv"] = "video/x-matroska";
        provider.Mappings[".mka"] = "audio/x-matroska";
        provider.Mappings[".opus"] = "audio/ogg";
        provider.Mappings[".flac"] = "audio/flac";
        provider.Mappings[".m4b"] = "audio/mp4";
        provider.Mappings[".fb2"] = "application/x-fictionbook+xml";
        provider.Mappings[".cbz"] = "application/vnd.comicbook+zip";
        return provider;
    }
}
