using ShareKit.Host.Scaffold;

namespace ShareKit.Host.Tests.Scaffold;

public sealed class PluginNameTests
{
    [Theory]
    [InlineData("Acme.Transport.Carrier")]
    [InlineData("Carrier")]
    [InlineData("_Private.V2")]
    public void Dotted_identifiers_are_accepted(string text)
    {
        Assert.True(PluginName.TryParse(text, out var name, out var error), error);
        Assert.Equal(text, name.Value);
    }

    [Theory]
    [InlineData("", "no name was given")]
    [InlineData("9Lives", "'9Lives' is not an identifier")]
    [InlineData("Acme..Carrier", "empty segment")]
    [InlineData("Acme.Carrier.", "empty segment")]
    [InlineData("Acme-Carrier", "'Acme-Carrier' is not an identifier")]
    [InlineData("Acme/Carrier", "is not an identifier")]
    [InlineData("../escape", "empty segment")]
    [InlineData("Acme.class.Carrier", "'class' is a C# keyword")]
    [InlineData("ShareKit.Sdk", "a ShareKit assembly the host already loads")]
    [InlineData("Größe", "is not an identifier")]
    public void Names_that_cannot_be_an_assembly_folder_and_namespace_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(PluginName.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_name_is_refused()
    {
        Assert.False(PluginName.TryParse(string.Join('.', Enumerable.Repeat("Segment", 20)), out _, out var error));
        Assert.Contains("longer than 100 characters", error, StringComparison.Ordinal);
    }
}
