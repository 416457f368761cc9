using ShareKit.Sdk;

namespace ShareKit.Security.Tests.Support;

/// <summary>Runs both sides of a layer handshake over a fresh loopback socket pair.</summary>
public static class Handshakes
{
    public static async Task<(IConnection Client, IConnection Server)> ConnectAsync(IConnectionLayer client, IConnectionLayer server)
    {
        var (clientSide, serverSide) = await Loopback.ConnectionPairAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serverTask = server.ApplyAsync(serverSide, ConnectionRole.Responder, cts.Token).AsTask();
        var clientTask = client.ApplyAsync(clientSide, ConnectionRole.Initiator, cts.Token).AsTask();
        return (await clientTask, await serverTask);
    }

    /// <summary>Both outcomes, whether they succeeded or threw.</summary>
    public static async Task<(Task<IConnection> Client, Task<IConnection> Server)> TryConnectAsync(IConnectionLayer client, IConnectionLayer server)
    {
        var (clientSide, serverSide) = await Loopback.ConnectionPairAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serverTask = server.ApplyAsync(serverSide, ConnectionRole.Responder, cts.Token).AsTask();
        var clientTask = client.ApplyAsync(clientSide, ConnectionRole.Initiator, cts.Token).AsTask();
        try
        {
            await Task.WhenAll(serverTask, clientTask);
        }
        catch (Exception)
        {
            // Callers inspect each task.
        }

        return (clientTask, serverTask);
    }
}
