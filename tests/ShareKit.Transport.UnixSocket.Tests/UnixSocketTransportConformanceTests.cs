using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Conformance.Transport;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Transport.UnixSocket.Tests;

/// <summary>
/// Runs the ShareKit transport conformance kit against the Unix socket transport: listen and connect, both
/// directions at once, bulk data, half-close, cancellation, dispose during a pending read, many connections,
/// refused connects.
/// </summary>
public sealed class UnixSocketTransportConformanceTests : TransportConformanceTests, IDisposable
{
    private readonly TempDirectory folder = UnixSocketFixture.ShortTempDirectory();
    private int sockets;

    /// <summary>A fresh socket path each time: a path is the Unix socket's "port 0" (two listeners never share one).</summary>
    protected override Endpoint ListenEndpoint => UnixSocketFixture.SocketAt(folder, $"s{Interlocked.Increment(ref sockets)}.sock");

    /// <summary>A fresh transport with default settings for each test.</summary>
    protected override ITransport CreateTransport() =>
        new UnixSocketTransport(UnixSocketPlugin.Scheme, new UnixSocketTransportOptions(), NullLoggerFactory.Instance);

    public void Dispose() => folder.Dispose();
}
