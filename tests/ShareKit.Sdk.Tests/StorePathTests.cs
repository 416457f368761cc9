using ShareKit.Sdk;

namespace ShareKit.Sdk.Tests;

/// <summary>The hostile corpus of issue 3: each text is accepted or refused exactly as StorePath's documentation says.</summary>
public sealed class StorePathTests
{
    private const string Absolute = "absolute paths are not allowed; paths are relative to the share";
    private const string Drive = "drive letters are not allowed; paths are relative to the share";
    private const string Backslash = "backslashes are not allowed; use '/' between folders";
    private const string EmptySegment = "the path has an empty segment ('//' or a trailing slash after a slash)";

    public static TheoryData<string, string> Refused => new()
    {
        { "..", "'..' segments are not allowed" },
        { "a/../../b", "'..' segments are not allowed" },
        { "a/..", "'..' segments are not allowed" },
        { "../etc/passwd", "'..' segments are not allowed" },
        { ".", "'.' segments are not allowed" },
        { "./a", "'.' segments are not allowed" },
        { "a/./b", "'.' segments are not allowed" },
        { "/etc/passwd", Absolute },
        { "/", Absolute },
        { "//server/share", Absolute },
        { "C:\\x", Drive },
        { "c:/windows", Drive },
        { "C:", Drive },
        { "\\\\server\\x", Backslash },
        { "a\\b", Backslash },
        { "a/..\\..\\b", Backslash },
        { "a\0b", "the path contains a NUL character" },
        { "a/b\0", "the path contains a NUL character" },
        { "a\u0001b", "the path contains the control character U+0001" },
        { "line\nbreak", "the path contains the control character U+000A" },
        { "tab\there", "the path contains the control character U+0009" },
        { "del\u007f", "the path contains the control character U+007F" },
        { "c1\u0085", "the path contains the control character U+0085" },
        { "esc\u001b[31m", "the path contains the control character U+001B" },
        { "a//b", EmptySegment },
        { "a//", EmptySegment },
        { "a/b//", EmptySegment },
        { new string('a', 300), "a name is longer than 255 bytes" },
        { "ok/" + new string('b', 256), "a name is longer than 255 bytes" },
        { string.Concat(Enumerable.Repeat("\u00e9", 128)), "a name is longer than 255 bytes" },
        { string.Join('/', Enumerable.Repeat(new string('d', 200), 21)), "the path is longer than 4096 bytes" },
        { string.Join('/', Enumerable.Repeat("d", 65)), "the path is nested deeper than 64 folders" },
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { "", "" },
        { "a", "a" },
        { "a/", "a" },
        { "books/a.epub", "books/a.epub" },
        { "books/a.epub/", "books/a.epub" },
        { "...", "..." },
        { "..a/b..", "..a/b.." },
        { ".hidden", ".hidden" },
        { " spaced name ", " spaced name " },
        { "ab:c", "ab:c" },
        { "x/C:", "x/C:" },
        { "%2e%2e/%2F", "%2e%2e/%2F" },
        { "\u65e5\u672c/\U0001F600", "\u65e5\u672c/\U0001F600" },
        { "Cafe\u0301", "Caf\u00e9" },
        { new string('a', 255), new string('a', 255) },
        { string.Concat(Enumerable.Repeat("\u00e9", 127)), string.Concat(Enumerable.Repeat("\u00e9", 127)) },
        { string.Join('/', Enumerable.Repeat("d", 64)), string.Join('/', Enumerable.Repeat("d", 64)) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Hostile_path_is_refused_with_its_reason(string text, string reason)
    {
        Assert.False(StorePath.TryParse(text, out var path, out var error));
        Assert.Equal(reason, error);
        Assert.True(path.IsRoot);

        var thrown = Assert.Throws<StorePathException>(() => StorePath.Parse(text));
        Assert.Equal(reason, thrown.Reason);
        Assert.Equal(text, thrown.RefusedPath);
        Assert.EndsWith($"is not allowed: {reason}.", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(thrown.Message, char.IsControl);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Valid_path_is_accepted_and_normalized(string text, string value)
    {
        Assert.True(StorePath.TryParse(text, out var path, out var error), error);
        Assert.Equal(value, path.Value);
        Assert.Equal(value, StorePath.Parse(text).ToString());
        Assert.Equal(value.Length == 0, path.IsRoot);
        Assert.All(path.Segments, s => Assert.True(StorePath.IsValidSegment(s, out _)));
    }

    // Unpaired surrogates do not survive xunit's theory-data serialization, so they are built here.
    [Theory]
    [InlineData("half", 0xD800, "")]
    [InlineData("", 0xDC00, "lone")]
    [InlineData("a/", 0xDBFF, "/b")]
    public void Unpaired_surrogate_is_refused(string before, int surrogate, string after)
    {
        var text = before + (char)surrogate + after;
        Assert.False(StorePath.TryParse(text, out _, out var error));
        Assert.Equal("the path contains invalid Unicode (an unpaired surrogate)", error);
        Assert.True(StorePath.TryParse(before + "\U0001F600" + after, out _, out _));
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(StorePath.TryParse(null, out _, out var error));
        Assert.Equal("no path was given", error);
    }

    [Fact]
    public void Normalization_variants_are_equal_and_hash_alike()
    {
        var composed = StorePath.Parse("Mus\u00e9e/\u00c5ngstr\u00f6m.txt");
        var decomposed = StorePath.Parse("Muse\u0301e/A\u030angstro\u0308m.txt");
        Assert.Equal(composed, decomposed);
        Assert.True(composed == decomposed);
        Assert.Equal(composed.GetHashCode(), decomposed.GetHashCode());
        Assert.Equal(0, composed.CompareTo(decomposed));
        Assert.Equal(composed.Value, decomposed.Value);
    }

    [Fact]
    public void Length_limits_count_normalized_utf8_bytes()
    {
        // 100 × "e + combining acute" is 300 bytes as typed but 200 once composed: allowed.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 100));
        Assert.Equal(200, System.Text.Encoding.UTF8.GetByteCount(StorePath.Parse(decomposed).Value));

        var longest = string.Join('/', Enumerable.Repeat(new string('p', 200), 25))[..StorePath.MaxPathBytes];
        Assert.Equal(StorePath.MaxPathBytes, StorePath.Parse(longest).Value.Length);
        Assert.False(StorePath.TryParse(longest + "q", out _, out var error));
        Assert.Equal("the path is longer than 4096 bytes", error);
    }

    [Fact]
    public void Parent_name_segments_and_display()
    {
        var path = StorePath.Parse("books/sci-fi/dune.epub");
        Assert.Equal("dune.epub", path.Name);
        Assert.Equal(StorePath.Parse("books/sci-fi"), path.Parent);
        Assert.Equal(StorePath.Root, path.Parent.Parent.Parent);
        Assert.Equal(StorePath.Root, StorePath.Root.Parent);
        Assert.Equal(["books", "sci-fi", "dune.epub"], path.Segments);
        Assert.Empty(StorePath.Root.Segments);
        Assert.Equal("/books/sci-fi/dune.epub", path.ToDisplayString());
        Assert.Equal("/", StorePath.Root.ToDisplayString());
        Assert.Equal(string.Empty, StorePath.Root.Name);
        Assert.Equal(StorePath.Root, default);
    }

    [Fact]
    public void IsWithin_respects_segment_boundaries()
    {
        var books = StorePath.Parse("books");
        Assert.True(StorePath.Parse("books/a").IsWithin(books));
        Assert.True(books.IsWithin(books));
        Assert.True(books.IsWithin(StorePath.Root));
        Assert.False(StorePath.Parse("bookshelf/a").IsWithin(books));
        Assert.False(books.IsWithin(StorePath.Parse("books/a")));
    }

    [Theory]
    [InlineData("", "a name cannot be empty")]
    [InlineData("..", "'..' segments are not allowed")]
    [InlineData(".", "'.' segments are not allowed")]
    [InlineData("b/c", "a name cannot contain '/'")]
    [InlineData("b/", "a name cannot contain '/'")]
    [InlineData("x\\y", "backslashes are not allowed; use '/' between folders")]
    [InlineData("n\0", "the path contains a NUL character")]
    public void Append_takes_exactly_one_valid_name(string name, string reason)
    {
        foreach (var start in new[] { StorePath.Root, StorePath.Parse("dir") })
        {
            var refused = Assert.Throws<StorePathException>(() => start.Append(name));
            Assert.Equal(reason, refused.Reason);
        }
    }

    [Fact]
    public void Append_joins_names_and_relative_paths()
    {
        Assert.Equal(StorePath.Parse("a/b"), StorePath.Parse("a").Append("b"));
        Assert.Equal(StorePath.Parse("b"), StorePath.Root.Append("b"));
        Assert.Equal(StorePath.Parse("a/Caf\u00e9"), StorePath.Parse("a").Append("Cafe\u0301"));
        Assert.Equal(StorePath.Parse("a/b/c"), StorePath.Parse("a").Append(StorePath.Parse("b/c")));
        Assert.Equal(StorePath.Parse("a"), StorePath.Parse("a").Append(StorePath.Root));
        Assert.Equal(StorePath.Parse("b"), StorePath.Root.Append(StorePath.Parse("b")));
        var tooDeep = string.Join('/', Enumerable.Repeat("d", 40));
        Assert.Throws<StorePathException>(() => StorePath.Parse(tooDeep).Append(StorePath.Parse(tooDeep)));
    }

    [Fact]
    public void Ordering_is_ordinal()
    {
        var a = StorePath.Parse("B");
        var b = StorePath.Parse("a");
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a <= StorePath.Parse("B") && a >= StorePath.Parse("B"));
        Assert.True(a != b);
    }
}
