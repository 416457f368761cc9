using ShareKit.Discovery.Probe;

// Usage:
//   probe run   --plugin udp-broadcast|mdns --name NAME [--id HEX] [--endpoint URI]... [--cap C]... [--fp FP]
//               [--set key=value]... [--browse-only] [--log-level debug]
//   probe flood --plugin udp-broadcast|mdns --target ADDRESS:PORT --count N [--set bind=ADDRESS]
//   probe connect --target ADDRESS:PORT      (prints the line a --listen probe answers with)
// "run" prints JSON lines on stdout ({"event":"announcing"|"appeared"|"updated"|"vanished"|"stopped",...}) and
// stops cleanly (with goodbyes) on "stop" or end of standard input; killing it sends no goodbye.
try
{
    var arguments = ProbeArguments.Parse(args);
    return arguments.Mode switch
    {
        "flood" => await FloodSender.RunAsync(arguments),
        "connect" => await ReachabilityCheck.ConnectAsync(arguments),
        _ => await DiscoveryRunner.RunAsync(arguments),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("probe: " + e.Message);
    return 2;
}
