using System.Text.Json;
using ShareKit.Sdk;

namespace ShareKit.Discovery.Probe;

/// <summary>Writes one JSON object per line on stdout; <c>at</c> is the wall clock in Unix milliseconds.</summary>
internal static class ProbeOutput
{
    private static readonly Lock Gate = new();

    public static void Event(string name, NodeId? id = null)
    {
        Write(new Dictionary<string, object?>
        {
            ["event"] = name,
            ["id"] = id?.Value,
            ["at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        });
    }

    public static void Sighting(NodeSighting sighting)
    {
        Write(new Dictionary<string, object?>
        {
            ["event"] = sighting.Kind.ToString().ToLowerInvariant(),
            ["id"] = sighting.Node.Id.Value,
            ["name"] = sighting.Node.Name,
            ["endpoints"] = sighting.Node.Endpoints.Select(e => e.ToString()).ToArray(),
            ["caps"] = sighting.Node.Capabilities.ToArray(),
            ["fp"] = sighting.Node.Fingerprint,
            ["protocol"] = sighting.Node.ProtocolVersion,
            ["source"] = sighting.Source,
            ["at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        });
    }

    private static void Write(Dictionary<string, object?> fields)
    {
        var line = JsonSerializer.Serialize(fields);
        lock (Gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
