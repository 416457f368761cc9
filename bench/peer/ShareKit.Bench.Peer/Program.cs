using ShareKit.Bench.Peer;

switch (args.FirstOrDefault())
{
    case "hash":
        HashBench.Run(args.Length > 1 ? int.Parse(args[1]) : 2048);
        return 0;
    default:
        Console.Error.WriteLine("usage: hash [MiB]");
        return 2;
}
