using System.Globalization;

namespace ShareKit.Discovery.Probe;

/// <summary>The probe's command line.</summary>
internal sealed class ProbeArguments
{
    public string Mode { get; private set; } = "run";

    public string Plugin { get; private set; } = "udp-broadcast";

    public string Name { get; private set; } = "probe";

    public string? Id { get; private set; }

    public List<string> Endpoints { get; } = [];

    public List<string> Capabilities { get; } = [];

    public string? Fingerprint { get; private set; }

    public Dictionary<string, string?> Settings { get; } = [];

    public bool BrowseOnly { get; private set; }

    /// <summary>Also accept TCP connections on the first endpoint's port, answering "sharekit" (proves reachability).</summary>
    public bool Listen { get; private set; }

    public string LogLevel { get; private set; } = "information";

    public string? Target { get; private set; }

    public int Count { get; private set; } = 10_000;

    public static ProbeArguments Parse(string[] args)
    {
        var result = new ProbeArguments();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            result.Mode = args[0];
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var key = args[i];
            if (key == "--browse-only")
            {
                result.BrowseOnly = true;
                continue;
            }

            if (key == "--listen")
            {
                result.Listen = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{key} needs a value");
            }

            var value = args[++i];
            switch (key)
            {
                case "--plugin": result.Plugin = value; break;
                case "--name": result.Name = value; break;
                case "--id": result.Id = value; break;
                case "--endpoint": result.Endpoints.Add(value); break;
                case "--cap": result.Capabilities.Add(value); break;
                case "--fp": result.Fingerprint = value; break;
                case "--log-level": result.LogLevel = value; break;
                case "--target": result.Target = value; break;
                case "--count": result.Count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--set":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new ArgumentException($"--set needs key=value, got '{value}'");
                    }

                    result.Settings[value[..eq]] = value[(eq + 1)..];
                    break;
                default: throw new ArgumentException($"unknown option {key}");
            }
        }

        return result;
    }
}
