using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ShareKit.Sdk;

/// <summary>
/// The only way to name a file or folder in a store: relative, <c>/</c>-separated, Unicode-normalized (NFC).
/// </summary>
/// <remarks>
/// Parsing rules (each refusal carries a reason a person can read):
/// <list type="bullet">
/// <item>The empty string is the root of the store; a single trailing <c>/</c> is accepted and dropped.</item>
/// <item>Refused: a leading <c>/</c> (absolute), a drive letter (<c>C:</c>), any backslash, <c>.</c> or <c>..</c>
/// segments, empty segments (<c>a//b</c>), NUL and other control characters, unpaired surrogates.</item>
/// <item>Limits: a segment at most <see cref="MaxSegmentBytes"/> UTF-8 bytes, the whole path at most
/// <see cref="MaxPathBytes"/> bytes and <see cref="MaxDepth"/> segments.</item>
/// <item>Names that differ only in Unicode normalization (NFC vs NFD) are the same path.</item>
/// </list>
/// </remarks>
public readonly struct StorePath : IEquatable<StorePath>, IComparable<StorePath>
{
    /// <summary>Longest segment in UTF-8 bytes (the common file-system limit).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Longest path in UTF-8 bytes.</summary>
    public const int MaxPathBytes = 4096;

    /// <summary>Deepest nesting.</summary>
    public const int MaxDepth = 64;

    private readonly string? value;

    private StorePath(string value) => this.value = value;

    /// <summary>The root of a store.</summary>
    public static StorePath Root => default;

    /// <summary>The normalized relative path; empty for the root.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>True for the root of the store.</summary>
    public bool IsRoot => Value.Length == 0;

    /// <summary>The last segment; empty for the root.</summary>
    public string Name => IsRoot ? string.Empty : Value[(Value.LastIndexOf('/') + 1)..];

    /// <summary>The folder holding this path; the root's parent is the root.</summary>
    public StorePath Parent
    {
        get
        {
            var slash = Value.LastIndexOf('/');
            return slash < 0 ? Root : new StorePath(Value[..slash]);
        }
    }

    /// <summary>The segments from the root down.</summary>
    public IReadOnlyList<string> Segments => IsRoot ? [] : Value.Split('/');

    /// <summary>Parses a relative path by the rules above.</summary>
    /// <exception cref="StorePathException">The path is refused; the message says why.</exception>
    public static StorePath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new StorePathException(text ?? string.Empty, error);

    /// <summary>Parses without throwing; <paramref name="error"/> says why a path was refused.</summary>
    public static bool TryParse(string? text, out StorePath path, [NotNullWhen(false)] out string? error)
    {
        path = Root;
        if (text is null)
        {
            error = "no path was given";
            return false;
        }

        if (text.Length == 0)
        {
            error = null;
            return true;
        }

        if (text[0] == '/')
        {
            error = "absolute paths are not allowed; paths are relative to the share";
            return false;
        }

        if (text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':')
        {
            error = "drive letters are not allowed; paths are relative to the share";
            return false;
        }

        if (text.EndsWith('/'))
        {
            text = text[..^1];
        }

        if (!IsWellFormedUnicode(text))
        {
            error = "the path contains invalid Unicode (an unpaired surrogate)";
            return false;
        }

        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (Encoding.UTF8.GetByteCount(normalized) > MaxPathBytes)
        {
            error = $"the path is longer than {MaxPathBytes} bytes";
            return false;
        }

        var depth = 0;
        foreach (var range in normalized.AsSpan().Split('/'))
        {
            if (++depth > MaxDepth)
            {
                error = $"the path is nested deeper than {MaxDepth} folders";
                return false;
            }

            if (!IsValidSegment(normalized.AsSpan()[range], out error))
            {
                return false;
            }
        }

        path = new StorePath(normalized);
        error = null;
        return true;
    }

    /// <summary>Checks one file or folder name by the segment rules.</summary>
    public static bool IsValidSegment(ReadOnlySpan<char> segment, [NotNullWhen(false)] out string? error)
    {
        if (segment.IsEmpty)
        {
            error = "the path has an empty segment ('//' or a trailing slash after a slash)";
            return false;
        }

        if (segment is "." or "..")
        {
            error = $"'{segment}' segments are not allowed";
            return false;
        }

        foreach (var c in segment)
        {
            if (c == '\\')
            {
                error = "backslashes are not allowed; use '/' between folders";
                return false;
            }

            if (c == '/')
            {
                error = "a name cannot contain '/'";
                return false;
            }

            if (char.IsControl(c))
            {
                error = c == '\0'
                    ? "the path contains a NUL character"
                    : string.Create(CultureInfo.InvariantCulture, $"the path contains the control character U+{(int)c:X4}");
                return false;
            }
        }

        if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
        {
            error = $"a name is longer than {MaxSegmentBytes} bytes";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>This path with one more segment (validated by the segment rules).</summary>
    /// <exception cref="StorePathException">The name is refused.</exception>
    public StorePath Append(string name)
    {
        // Parse alone would accept "" (the root, or a dropped trailing slash) and "b/c" (two names).
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal))
        {
            throw new StorePathException(name ?? string.Empty, string.IsNullOrEmpty(name) ? "a name cannot be empty" : "a name cannot contain '/'");
        }

        return IsRoot ? Parse(name) : Parse(Value + "/" + name);
    }

    /// <summary>This path followed by a relative path.</summary>
    public StorePath Append(StorePath relative) =>
        relative.IsRoot ? this : IsRoot ? relative : Parse(Value + "/" + relative.Value);

    /// <summary>True when this path is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsWithin(StorePath ancestor) =>
        ancestor.IsRoot || Value == ancestor.Value ||
        (Value.StartsWith(ancestor.Value, StringComparison.Ordinal) && Value.Length > ancestor.Value.Length && Value[ancestor.Value.Length] == '/');

    /// <summary>The path as people see it, with a leading slash (<c>/books/a.epub</c>, <c>/</c> for the root).</summary>
    public string ToDisplayString() => "/" + Value;

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(StorePath other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StorePath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public int CompareTo(StorePath other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Equality by normalized value.</summary>
    public static bool operator ==(StorePath left, StorePath right) => left.Equals(right);

    /// <summary>Inequality by normalized value.</summary>
    public static bool operator !=(StorePath left, StorePath right) => !left.Equals(right);

    /// <summary>Ordinal order.</summary>
    public static bool operator <(StorePath left, StorePath right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(StorePath left, StorePath right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(StorePath left, StorePath right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(StorePath left, StorePath right) => left.CompareTo(right) >= 0;

    private static bool IsWellFormedUnicode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
