using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>
/// The peer endpoint's accept side: listens on each endpoint, applies the configured layers to every accepted
/// connection, and hands it to a handler. A failing connection is logged once and never stops the listener.
/// </summary>
internal sealed partial class PeerListener(NodeComponents components, IReadOnlyList<string> layers, ILogger logger) : IAsyncDisposable
{
    private readonly List<IConnectionListener> listeners = [];
    private readonly List<Task> loops = [];
    private readonly CancellationTokenSource stop = new();
    private readonly HashSet<Task> connections = [];

    public IReadOnlyList<Endpoint> LocalEndpoints => [.. listeners.Select(l => l.LocalEndpoint)];

    /// <summary>Binds every endpoint and starts accepting; <paramref name="handle"/> owns each connection it is given.</summary>
    public async Task StartAsync(IReadOnlyList<Endpoint> endpoints, Func<IConnection, CancellationToken, Task> handle, CancellationToken ct)
    {
        foreach (var endpoint in endpoints)
        {
            var listener = await components.GetTransport(endpoint.Scheme).ListenAsync(endpoint, ct);
            listeners.Add(listener);
            loops.Add(Task.Run(() => AcceptLoop(listener, handle), CancellationToken.None));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var listener in listeners)
        {
            await listener.DisposeAsync();
        }

        Task[] running;
        lock (connections)
        {
            running = [.. loops, .. connections];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptLoop(IConnectionListener listener, Func<IConnection, CancellationToken, Task> handle)
    {
        while (!stop.IsCancellationRequested)
        {
            IConnection? accepted;
            try
            {
                accepted = await listener.AcceptAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                LogAcceptFailed(logger, listener.LocalEndpoint.ToString(), e.Message);
                continue;
            }

            if (accepted is null)
            {
                return;
            }

            var task = Task.Run(() => Serve(accepted, handle));
            lock (connections)
            {
                connections.Add(task);
            }

            _ = task.ContinueWith(t => { lock (connections) { connections.Remove(t); } }, TaskScheduler.Default);
        }
    }

    private async Task Serve(IConnection accepted, Func<IConnection, CancellationToken, Task> handle)
    {
        var remote = accepted.RemoteEndpoint.ToString();
        try
        {
            var connection = await PeerConnector.ApplyLayersAsync(components, layers, accepted, ConnectionRole.Responder, stop.Token);
            await handle(connection, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ShareKitException or IOException or OperationCanceledException)
        {
            LogConnectionFailed(logger, remote, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting on {Endpoint} failed: {Reason}")]
    private static partial void LogAcceptFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection from {Remote} ended: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string remote, string reason);
}
