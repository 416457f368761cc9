using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Http.Tests;

public sealed class HttpLibrarySettingsTests
{
    [Fact]
    public void Defaults_listen_on_port_8080_for_the_share_named_library()
    {
        var options = HttpLibraryOptions.From(Context([]));

        Assert.Equal("tcp://0.0.0.0:8080", Assert.Single(options.Listen).ToString());
        Assert.Equal("library", options.Share);
        Assert.Null(options.TemplatesDirectory);
    }

    [Theory]
    [InlineData("listen", "8080")]
    [InlineData("listen", "udp://0.0.0.0:8080")]
    [InlineData("listen", "tcp://0.0.0.0:99999")]
    [InlineData("share", "../etc")]
    [InlineData("templates", "/no/such/folder")]
    public void Bad_settings_name_their_json_path(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => HttpLibraryOptions.From(Context(new() { [key] = value })));

        Assert.Equal($"services:http-library:settings:{key}", error.Path);
    }

    [Fact]
    public async Task A_share_that_is_not_public_read_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => LibraryNode.StartAsync(share: "inbox"));

        Assert.Equal("shares:inbox:access", error.Path);
    }

    [Fact]
    public async Task A_templates_folder_replaces_built_in_templates_by_name()
    {
        using var templates = new TempDirectory();
        await File.WriteAllTextAsync(templates.Combine("browse.html"), "<p id=\"custom\">CUSTOM {{ total }} entries in {{ folder | html.escape }}</p>");
        var escaped = templates.Path.Replace("\\", "\\\\", StringComparison.Ordinal);
        await using var node = await LibraryNode.StartAsync($", \"templates\": \"{escaped}\"");
        using var client = node.Client();

        var browse = await client.GetStringAsync("/browse/books/");
        var view = await client.GetStringAsync("/view/books/alice.epub");

        Assert.Contains("<p id=\"custom\">CUSTOM 2 entries in /books</p>", browse, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", browse, StringComparison.Ordinal); // still inside the built-in layout
        Assert.Contains("Lewis Carroll", view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_stops_the_start_with_its_file_name()
    {
        using var templates = new TempDirectory();
        await File.WriteAllTextAsync(templates.Combine("search.html"), "{{ for x in }}");
        var escaped = templates.Path.Replace("\\", "\\\\", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => LibraryNode.StartAsync($", \"templates\": \"{escaped}\""));

        Assert.Equal("services:http-library:settings:templates", error.Path);
        Assert.Contains("search.html", error.Message, StringComparison.Ordinal);
    }

    private static ComponentContext Context(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => $"services:http-library:settings:{p.Key}", p => p.Value))
            .Build();
        return new ComponentContext
        {
            ComponentName = "http-library",
            Settings = config.GetSection("services:http-library:settings"),
            SettingsPath = "services:http-library:settings",
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(NodeId.NewRandom(), "test"),
            DataDirectory = Path.GetTempPath(),
            Components = null!,
        };
    }
}
