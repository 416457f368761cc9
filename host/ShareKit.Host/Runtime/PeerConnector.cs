using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>Opens connections to a peer through the transport for its scheme, then the configured layers in order.</summary>
internal sealed class PeerConnector(NodeComponents components, IReadOnlyList<string> layers)
{
    public IReadOnlyList<string> Layers => layers;

    /// <summary>A connect function for <paramref name="remote"/>, called once per connection the protocol needs.</summary>
    public Func<CancellationToken, ValueTask<IConnection>> For(Endpoint remote) => ct => ConnectAsync(remote, ct);

    public async ValueTask<IConnection> ConnectAsync(Endpoint remote, CancellationToken ct)
    {
        var transport = components.GetTransport(remote.Scheme);
        var connection = await transport.ConnectAsync(remote, ct);
        return await ApplyLayersAsync(components, layers, connection, ConnectionRole.Initiator, ct);
    }

    /// <summary>Wraps <paramref name="connection"/> in each layer; disposes it if a layer fails.</summary>
    public static async ValueTask<IConnection> ApplyLayersAsync(
        NodeComponents components, IReadOnlyList<string> layers, IConnection connection, ConnectionRole role, CancellationToken ct)
    {
        try
        {
            foreach (var name in layers)
            {
                connection = await components.GetLayer(name).ApplyAsync(connection, role, ct);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
