using System.Text.Json;

namespace ShareKit.Discovery.Tests.Infrastructure;

/// <summary>One JSON line of the probe's output.</summary>
internal sealed record ProbeEvent(string Event, string? Id, string? Name, string[] Endpoints, string[] Capabilities, string? Fingerprint, string? Source, long At)
{
    public static ProbeEvent? TryParse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            string[] List(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? [.. v.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
                : [];
            return new ProbeEvent(
                Text("event") ?? string.Empty,
                Text("id"),
                Text("name"),
                List("endpoints"),
                List("caps"),
                Text("fp"),
                Text("source"),
                root.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.Number ? at.GetInt64() : 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
