using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Storage.S3;

// Usage: S3Bench write|read ENDPOINT BUCKET KEY [FILE] — write copies FILE into the store, read streams KEY to
// nowhere. Credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY. Prints "<verb> <bytes> <seconds> <MiB/s>".
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: S3Bench write|read ENDPOINT BUCKET KEY [FILE]");
    return 2;
}

var settings = new Dictionary<string, string?>
{
    ["endpoint"] = args[1],
    ["bucket"] = args[2],
    ["partSizeMiB"] = Environment.GetEnvironmentVariable("PART_SIZE_MIB") ?? "16",
    ["partsInFlight"] = Environment.GetEnvironmentVariable("PARTS_IN_FLIGHT") ?? "2",
};
OneStorage.Settings = settings;
var store = new S3StoragePlugin();
IFileStore? made = null;
store.Register(new OneStorage(ctx => made = new S3FileStore(S3StoreOptions.From(ctx), ctx.ComponentName, ctx.LoggerFactory)));
var s3 = made ?? throw new InvalidOperationException("the plugin registered no store");
var path = StorePath.Parse(args[3]);
var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
var clock = Stopwatch.StartNew();
long bytes = 0;
if (args[0] == "write")
{
    await using var file = new FileStream(args[4], FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
    await using var write = await s3.BeginWriteAsync(path, WriteMode.Replace, CancellationToken.None);
    int read;
    while ((read = await file.ReadAsync(buffer.AsMemory(0, 1024 * 1024))) > 0)
    {
        await write.Content.WriteAsync(buffer.AsMemory(0, read));
        bytes += read;
    }

    await write.CommitAsync(CancellationToken.None);
}
else
{
    await using var stream = await s3.OpenReadAsync(path, 0, CancellationToken.None);
    int read;
    while ((read = await stream.ReadAsync(buffer.AsMemory(0, 1024 * 1024))) > 0)
    {
        bytes += read;
    }
}

var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]} {bytes} {seconds:0.00} {bytes / 1048576.0 / seconds:0.0}"));
return 0;

internal sealed class OneStorage(Func<ComponentContext, IFileStore> make) : IPluginRegistry
{
    public void AddStorage(string kind, Func<ComponentContext, IFileStore> create) => make(new ComponentContext
    {
        ComponentName = "bench",
        Settings = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build(),
        SettingsPath = "shares:bench:settings",
        LoggerFactory = NullLoggerFactory.Instance,
        Node = new NodeIdentity(NodeId.NewRandom(), "bench"),
        DataDirectory = Path.GetTempPath(),
        Components = null!,
    });

    public static Dictionary<string, string?> Settings { get; set; } = [];

    public void AddTransport(string scheme, Func<ComponentContext, ITransport> create) { }

    public void AddLayer(string name, Func<ComponentContext, IConnectionLayer> create) { }

    public void AddDiscovery(string name, Func<ComponentContext, IDiscovery> create) { }

    public void AddService(string name, Func<ComponentContext, IShareService> create) { }
}
