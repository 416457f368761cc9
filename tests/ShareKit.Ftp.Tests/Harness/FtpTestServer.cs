using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Ftp.Tests;

/// <summary>An FTP service on 127.0.0.1 (port 0) over real folders, one per share, in a temp directory.</summary>
internal sealed class FtpTestServer : IAsyncDisposable
{
    private readonly TempDirectory temp;

    private FtpTestServer(TempDirectory temp, FtpService service, IReadOnlyList<IShare> shares)
    {
        this.temp = temp;
        Service = service;
        Shares = shares;
    }

    public FtpService Service { get; }

    public IReadOnlyList<IShare> Shares { get; }

    public int Port => Service.LocalEndPoint!.Port;

    public string DataDirectory => temp.Combine("data");

    public string Temp => temp.Path;

    /// <summary>Settings every test starts from: loopback, port 0, short login delays.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["listen"] = "tcp://127.0.0.1:0",
        ["limits:failedLoginDelay"] = "0.01",
        ["limits:maxFailedLoginDelay"] = "0.08",
        ["timeouts:accept"] = "10",
    };

    public static async Task<FtpTestServer> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, params (string Name, ShareAccess Access)[] shareSpecs)
    {
        var temp = new TempDirectory("sharekit-ftp-");
        if (shareSpecs.Length == 0)
        {
            shareSpecs = [("library", ShareAccess.PublicRead)];
        }

        Directory.CreateDirectory(temp.Combine("data"));
        var shares = new List<IShare>();
        foreach (var (name, access) in shareSpecs)
        {
            Directory.CreateDirectory(temp.Combine("shares", name));
            shares.Add(new TestShare(name, access, TestStores.Create(temp.Combine("shares", name), name)));
        }

        var settings = DefaultSettings();
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new ComponentContext
        {
            ComponentName = "ftp",
            Settings = configuration,
            SettingsPath = "services:ftp:settings",
            LoggerFactory = NullLoggerFactory.Instance,
            Node = new NodeIdentity(NodeId.NewRandom(), "test-node"),
            DataDirectory = temp.Combine("data"),
            Components = new TestComponents(shares),
        };
        var service = new FtpService(context, FtpOptionsReader.Read(configuration, context.SettingsPath));
        try
        {
            await service.StartAsync(CancellationToken.None);
        }
        catch
        {
            temp.Dispose();
            throw;
        }

        return new FtpTestServer(temp, service, shares);
    }

    /// <summary>The real folder behind a share.</summary>
    public string ShareFolder(string share = "library") => temp.Combine("shares", share);

    public string WriteFile(string relative, byte[] content, string share = "library") =>
        temp.WriteFile(Path.Combine("shares", share, relative), content);

    public Task<FtpTestClient> ConnectAsync(string? localAddress = null) => FtpTestClient.ConnectAsync(Port, localAddress);

    public async Task<FtpTestClient> LoginAsync(string user = "anonymous", string password = "guest@example.org")
    {
        var client = await ConnectAsync();
        await client.LoginAsync(user, password);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Service.StopAsync(CancellationToken.None);
        temp.Dispose();
    }
}
