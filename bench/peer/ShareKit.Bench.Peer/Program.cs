using ShareKit.Bench.Peer;

// Usage:
//   hash [MiB]                                  SHA-256 vs BLAKE3 throughput
//   receive <dir> [port] [--no-data]            receive one transfer; prints the port
//   send <port> <path>... [--data N] [--lanes N] send with the engine over loopback
var rest = args.Skip(1).ToList();
int Option(string name, int fallback)
{
    var at = rest.IndexOf(name);
    if (at < 0)
    {
        return fallback;
    }

    var value = int.Parse(rest[at + 1]);
    rest.RemoveRange(at, 2);
    return value;
}

switch (args.FirstOrDefault())
{
    case "hash":
        HashBench.Run(rest.Count > 0 ? int.Parse(rest[0]) : 2048);
        return 0;
    case "receive":
        var noData = rest.Remove("--no-data");
        return await EngineBench.ReceiveAsync(rest[0], rest.Count > 1 ? int.Parse(rest[1]) : 0, !noData);
    case "send":
        var data = Option("--data", 2);
        var lanes = Option("--lanes", 4);
        return await EngineBench.SendAsync(int.Parse(rest[0]), rest.Skip(1).ToList(), data, lanes);
    default:
        Console.Error.WriteLine("usage: hash [MiB] | receive <dir> [port] [--no-data] | send <port> <path>... [--data N] [--lanes N]");
        return 2;
}
