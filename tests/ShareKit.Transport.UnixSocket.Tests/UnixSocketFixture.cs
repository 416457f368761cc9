using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Transport.UnixSocket.Tests;

/// <summary>Helpers shared by the Unix socket tests: a short temp folder for socket paths, transports, a round trip.</summary>
internal static class UnixSocketFixture
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A temp folder whose paths stay well under the 107-byte socket path limit.</summary>
    public static TempDirectory ShortTempDirectory() => new("skunix-");

    public static Endpoint SocketAt(TempDirectory folder, string name) => Endpoint.ForPath("unix", folder.Combine(name));

    public static UnixSocketTransport Transport(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new UnixSocketTransport("unix", UnixSocketTransportOptions.Read(configuration, "plugins:ShareKit.Transport.UnixSocket:settings"), NullLoggerFactory.Instance);
    }

    /// <summary>Connects, sends a line from the client, echoes nothing: proves an accepted connection carries bytes.</summary>
    public static async Task AssertRoundTripAsync(ITransport transport, IConnectionListener listener, CancellationToken ct)
    {
        var accepting = listener.AcceptAsync(ct).AsTask();
        await using var client = await transport.ConnectAsync(listener.LocalEndpoint, ct);
        await using var server = await accepting ?? throw new InvalidOperationException("the listener closed");
        await client.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes("hello"), ct);
        await client.Transport.Output.CompleteAsync();

        var received = new StringBuilder();
        while (true)
        {
            var result = await server.Transport.Input.ReadAsync(ct);
            foreach (var segment in result.Buffer)
            {
                received.Append(Encoding.ASCII.GetString(segment.Span));
            }

            server.Transport.Input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        Assert.Equal("hello", received.ToString());
    }
}
