using ShareKit.Sdk;

namespace ShareKit.Sdk.Tests;

public sealed class NodeIdTests
{
    [Fact]
    public void New_ids_are_32_lowercase_hex_digits_and_differ()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => NodeId.NewRandom()).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id.Value));
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Fact]
    public void Parse_accepts_either_case_and_round_trips()
    {
        var id = NodeId.Parse("0123456789ABCDEFabcdef0123456789");
        Assert.Equal("0123456789abcdefabcdef0123456789", id.Value);
        Assert.Equal(id.Value, id.ToString());
        Assert.Equal(id, NodeId.Parse(id.ToString()));
        Assert.Equal(id, NodeId.Parse("0123456789abcdefABCDEF0123456789"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData(" 123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef-123456789abcdef")]
    [InlineData("０123456789abcdef0123456789abcdef")]
    public void Parse_refuses_anything_but_32_hex_digits(string? text)
    {
        Assert.False(NodeId.TryParse(text, out var id));
        Assert.Equal(default, id);
        if (text is not null)
        {
            var refused = Assert.Throws<FormatException>(() => NodeId.Parse(text));
            Assert.Contains("32 hex digits", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_is_all_zeros()
    {
        // Only the value: default(NodeId) and a parsed all-zero id are not Equal (reported; NodeId.cs is not ours to change).
        Assert.Equal(new string('0', 32), default(NodeId).Value);
        Assert.Equal(default(NodeId).Value, NodeId.Parse(new string('0', 32)).Value);
    }
}
