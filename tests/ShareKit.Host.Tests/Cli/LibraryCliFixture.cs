using ShareKit.Testing;

namespace ShareKit.Host.Tests.Cli;

/// <summary>A serving node with a public-read library (and optionally only a receive share) and a client configuration.</summary>
internal sealed class LibraryCliFixture : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-library-cli-");

    public LibraryCliFixture()
    {
        Directory.CreateDirectory(Library);
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(Output);
        ClientConfig = WriteConfig("client", string.Empty);
    }

    public string Library => temp.Combine("library");

    public string Inbox => temp.Combine("inbox");

    public string Output => temp.Combine("output");

    public string ClientConfig { get; }

    public string Staging => Path.Combine(Output, ".sharekit-staging");

    /// <summary>Starts <c>sharekit serve</c> and returns it with its peer endpoint address.</summary>
    public async Task<(HostProcess Server, string Address)> StartServerAsync(bool library = true, string layers = "")
    {
        var shares = library
            ? $$"""{ "books": { "storage": "local", "access": "public-read", "settings": { "root": "{{Library}}" } } }"""
            : $$"""{ "inbox": { "storage": "local", "access": "receive", "accept": "ask", "settings": { "root": "{{Inbox}}" } } }""";
        var config = WriteConfig("server" + (library ? "-library" : "-inbox"), $$"""
            , "shares": {{shares}}
            """, layers);
        var server = HostProcess.Start(["serve", "--config", config]);
        var line = await server.WaitForLineAsync(l => l.Contains("peer endpoint on tcp://", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var start = line.IndexOf("tcp://", StringComparison.Ordinal);
        var end = line.IndexOfAny([',', ' '], start);
        return (server, line[start..(end < 0 ? line.Length : end)]);
    }

    /// <summary>Starts <c>sharekit library …</c> with the client configuration.</summary>
    public HostProcess RunLibrary(params string[] arguments) =>
        HostProcess.Start(["library", .. arguments, "--config", ClientConfig]);

    public void Dispose() => temp.Dispose();

    private string WriteConfig(string name, string extra, string layers = "")
    {
        var data = temp.Combine("data-" + name);
        var json = $$"""
            {
              "node": { "name": "{{name}}", "dataDirectory": "{{data}}" },
              "plugins": { "ShareKit.Transport.Tcp": { }, "ShareKit.Storage.Local": { }, "ShareKit.Security.Encrypted": { } },
              "endpoint": { "listen": [ "tcp://127.0.0.1:0" ], "layers": [ {{layers}} ] }
              {{extra}}
            }
            """;
        return temp.WriteFile(name + ".json", System.Text.Encoding.UTF8.GetBytes(json));
    }
}
