using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>Opens connections to a peer through the transport for its scheme, then the configured layers in order.</summary>
internal sealed class PeerConnector(NodeComponents components, IReadOnlyList<IConnectionLayer> layers)
{

    /// <summary>A connect function for <paramref name="remote"/>, called once per connection the protocol needs.</summary>
    public Func<CancellationToken, ValueTask<IConnection>> For(Endpoint remote) => ct => ConnectAsync(remote, ct);

    public async ValueTask<IConnection> ConnectAsync(Endpoint remote, CancellationToken ct)
    {
        var transport = components.GetTransport(remote.Scheme);
        var connection = await transport.ConnectAsync(remote, ct);
        return await ApplyLayersAsync(layers, connection, ConnectionRole.Initiator, ct);
    }

    /// <summary>
    /// The layer instances for <paramref name="names"/>; with a pairing code, the layer that can pair is replaced by
    /// its paired form for these connections.
    /// </summary>
    /// <exception cref="ConfigurationException">A code was given but no layer can pair.</exception>
    public static IReadOnlyList<IConnectionLayer> ResolveLayers(NodeComponents components, IReadOnlyList<string> names, string? pairingCode)
    {
        var layers = names.Select(components.GetLayer).ToList();
        if (pairingCode is null)
        {
            return layers;
        }

        var index = layers.FindIndex(l => l is IPairingLayer);
        if (index < 0)
        {
            throw new ConfigurationException("--code", "pairing needs a layer that can pair (e.g. encrypted), but the connection uses " +
                (names.Count == 0 ? "no layer" : string.Join(", ", names)) + ".");
        }

        layers[index] = ((IPairingLayer)layers[index]).WithPairingCode(pairingCode);
        return layers;
    }

    /// <summary>Wraps <paramref name="connection"/> in each layer; disposes it if a layer fails.</summary>
    public static async ValueTask<IConnection> ApplyLayersAsync(
        IReadOnlyList<IConnectionLayer> layers, IConnection connection, ConnectionRole role, CancellationToken ct)
    {
        try
        {
            foreach (var layer in layers)
            {
                connection = await layer.ApplyAsync(connection, role, ct);
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
