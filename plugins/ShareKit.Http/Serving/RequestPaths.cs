using System.Diagnostics.CodeAnalysis;
using ShareKit.Sdk;

namespace ShareKit.Http.Serving;

/// <summary>
/// Turns the path part of a URL into a <see cref="StorePath"/>: the only way a request names a file. Anything the
/// <see cref="StorePath"/> rules refuse (<c>..</c>, backslashes, NUL, control characters, overlong names) is refused
/// with a reason, never cleaned up into something else.
/// </summary>
internal static class RequestPaths
{
    public static bool TryParse(string? routeValue, out StorePath path, [NotNullWhen(false)] out string? error)
    {
        var text = routeValue ?? string.Empty;

        // Kestrel has decoded the URL once; what is left is the name as the user wrote it (a literal "%2e" is a name).
        return StorePath.TryParse(text.TrimEnd('/').Length == 0 ? string.Empty : text, out path, out error);
    }
}
