using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>Checks the fields of library requests once, at the edge, and turns catalog entries into wire entries.</summary>
internal static class LibraryRequests
{
    /// <exception cref="PeerProtocolException">The path breaks the StorePath rules (e.g. <c>..</c>).</exception>
    public static StorePath ParsePath(string text) =>
        StorePath.TryParse(text, out var path, out var error)
            ? path
            : throw new PeerProtocolException(ErrorCodes.BadRequest, $"The path '{Printable(text)}' is not allowed: {error}");

    /// <exception cref="PeerProtocolException">Not a kind name.</exception>
    public static MediaKind? ParseKind(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var kind in Enum.GetValues<MediaKind>())
        {
            if (string.Equals(KindWord(kind), text, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new PeerProtocolException(ErrorCodes.BadRequest, $"There is no kind '{Printable(text)}'; the kinds are {string.Join(", ", Enum.GetValues<MediaKind>().Select(KindWord))}.");
    }

    /// <exception cref="PeerProtocolException">A negative offset or a limit outside 1 to <see cref="PeerProtocol.MaxLibraryPage"/>.</exception>
    public static void CheckPage(int offset, int limit)
    {
        if (offset < 0 || limit < 1 || limit > PeerProtocol.MaxLibraryPage)
        {
            throw new PeerProtocolException(ErrorCodes.BadRequest, $"A page needs an offset of 0 or more and a limit from 1 to {PeerProtocol.MaxLibraryPage} (got {offset} and {limit}).");
        }
    }

    public static string KindWord(MediaKind kind) => kind.ToString().ToLowerInvariant();

    public static LibraryEntry ToWire(CatalogEntry entry) => new(
        entry.Path.Value,
        entry.Name,
        entry.IsDirectory,
        entry.IsDirectory ? 0 : entry.File.Length,
        entry.File.LastModified.ToUniversalTime(),
        KindWord(entry.Kind),
        entry.Title,
        entry.Author,
        entry.ContentHash);

    private static string Printable(string text)
    {
        var shown = text.Length > 80 ? text[..80] + "…" : text;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }
}
