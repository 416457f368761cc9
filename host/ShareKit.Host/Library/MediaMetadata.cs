namespace ShareKit.Host.Library;

/// <summary>A title and an author/artist read from a file's own metadata; either may be missing.</summary>
internal sealed record MediaMetadata(string? Title, string? Author)
{
    public static MediaMetadata None { get; } = new(null, null);

    /// <summary>Trims a metadata value and turns blanks, control characters and absurd lengths into something safe to show.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = string.Concat(text.Where(c => !char.IsControl(c) || c == ' ')).Trim();
        if (cleaned.Length > 300)
        {
            cleaned = cleaned[..300];
        }

        return cleaned.Length == 0 ? null : cleaned;
    }
}
