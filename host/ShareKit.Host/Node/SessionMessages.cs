using ShareKit.Host.Node.Messages;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>The steps both sides share: Hello exchange, expecting a message, and turning failures into Error messages.</summary>
internal static class SessionMessages
{
    public static Hello MakeHello(NodeIdentity node, bool dataConnections) =>
        new(PeerProtocol.Version, node.Id.Value, node.Name, dataConnections ? [PeerProtocol.DataConnectionsCapability] : []);

    /// <exception cref="PeerProtocolException">The peer's major version differs, or its Hello is malformed.</exception>
    public static void CheckPeerHello(Hello hello)
    {
        if (hello.Version.Major != PeerProtocol.Version.Major)
        {
            throw new PeerProtocolException(
                ErrorCodes.VersionMismatch,
                $"The peer speaks ShareKit protocol {hello.Version} and this node speaks {PeerProtocol.Version}; update the older ShareKit.");
        }

        if (!NodeId.TryParse(hello.NodeId, out _))
        {
            throw new PeerProtocolException(ErrorCodes.Protocol, "The peer's hello carries an invalid node id.");
        }

        if (hello.Name.Length > 256 || hello.Name.Any(char.IsControl))
        {
            throw new PeerProtocolException(ErrorCodes.Protocol, "The peer's hello carries an invalid name.");
        }
    }

    /// <summary>Receives the next message and requires it to be a <typeparamref name="T"/>.</summary>
    /// <exception cref="PeerEndedException">The peer sent Error or Cancel, or closed.</exception>
    /// <exception cref="ProtocolException">The peer sent something else.</exception>
    public static async ValueTask<T> ExpectAsync<T>(ControlChannel control, string waitingFor, CancellationToken ct)
        where T : Message
    {
        var message = await control.ReceiveAsync(ct).ConfigureAwait(false);
        return message switch
        {
            T wanted => wanted,
            null => throw new PeerEndedException($"The peer closed the session while this node waited for its {waitingFor}."),
            _ => throw Unexpected(message, waitingFor),
        };
    }

    public static ShareKitException Unexpected(Message message, string state) => message switch
    {
        Error error => new PeerEndedException($"The peer ended the session: {error.Message}"),
        Cancel cancel => new PeerEndedException($"The peer cancelled the transfer: {cancel.Reason}"),
        Hello => new PeerProtocolException(ErrorCodes.Protocol, "The peer sent a second hello."),
        _ => new PeerProtocolException(ErrorCodes.Protocol, $"The peer sent an unexpected {TypeName(message)} message while this node waited for its {state}."),
    };

    public static string TypeName(Message message) => message switch
    {
        Hello => "hello",
        Offer => "offer",
        Decision => "decision",
        ItemResult => "itemResult",
        Cancel => "cancel",
        Error => "error",
        DataConnect => "data",
        Browse => "browse",
        Search => "search",
        Listing => "listing",
        Fetch => "fetch",
        FileStart => "file",
        FileEnd => "fileEnd",
        _ => message.GetType().Name,
    };

    /// <summary>The Error message to tell the peer about a local failure, or null when the peer ended the session itself.</summary>
    public static Error? ErrorFor(Exception e) => e switch
    {
        PeerEndedException or LaneCutException or OperationCanceledException => null,
        PeerProtocolException p => new Error(p.Code, p.Message),
        StorageFullException s => new Error(ErrorCodes.StorageFull, s.Message),
        ProtocolException p => new Error(ErrorCodes.Protocol, p.Message),
        ShareKitException s => new Error(ErrorCodes.Internal, s.Message),
        _ => new Error(ErrorCodes.Internal, "The peer hit an internal error."),
    };

    /// <summary>A readable reason for an exception that ended a session.</summary>
    public static string Describe(Exception e) => e switch
    {
        ShareKitException s => s.Message,
        IOException io => $"The connection broke: {io.Message}",
        ObjectDisposedException or OperationCanceledException => "The connection to the peer was lost.",
        _ => $"Unexpected failure: {e.Message}",
    };
}
