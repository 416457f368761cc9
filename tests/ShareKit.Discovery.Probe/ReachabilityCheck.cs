using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ShareKit.Discovery.Probe;

/// <summary>A minimal TCP listener and client, to prove an announced endpoint is reachable from another namespace.</summary>
internal static class ReachabilityCheck
{
    public static TcpListener Listen(int port, CancellationToken ct)
    {
        var listener = new TcpListener(IPAddress.IPv6Any, port);
        listener.Server.DualMode = true;
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(ct);
                    await client.GetStream().WriteAsync("sharekit\n"u8.ToArray(), ct);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
                {
                    if (ct.IsCancellationRequested || e is ObjectDisposedException)
                    {
                        return;
                    }
                }
            }
        }, ct);
        return listener;
    }

    public static async Task<int> ConnectAsync(ProbeArguments arguments)
    {
        var target = IPEndPoint.Parse(arguments.Target ?? throw new ArgumentException("connect needs --target ADDRESS:PORT"));
        using var client = new TcpClient(target.AddressFamily);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(target, timeout.Token);
        var buffer = new byte[64];
        var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
        Console.Out.Write(Encoding.ASCII.GetString(buffer, 0, read));
        return 0;
    }
}
