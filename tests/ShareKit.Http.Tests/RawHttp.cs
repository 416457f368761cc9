using System.Net.Sockets;
using System.Text;

namespace ShareKit.Http.Tests;

/// <summary>Sends a request byte for byte (HttpClient would clean up the hostile paths these tests need) and reads the reply.</summary>
internal static class RawHttp
{
    public sealed record Reply(int Status, string Head, string Body);

    public static async Task<Reply> GetAsync(Uri server, string target, string method = "GET")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new MemoryStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await stream.CopyToAsync(reader, cts.Token);
        var text = Encoding.UTF8.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 4)..];
        var status = int.Parse(head.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Reply(status, head, body);
    }
}
