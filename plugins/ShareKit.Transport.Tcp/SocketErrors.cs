using System.Net.Sockets;
using ShareKit.Sdk;

namespace ShareKit.Transport.Tcp;

/// <summary>Turns socket error codes into <see cref="TransportException"/>s whose message names the endpoint.</summary>
internal static class SocketErrors
{
    public static TransportException ForConnect(Endpoint remote, SocketException error) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new TransportException(
            TransportFailure.Refused, $"Nothing is listening at {remote}: connection refused.", error),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown =>
            new TransportException(
                TransportFailure.Unreachable, $"{remote} is unreachable: {error.Message} (check the address and the network).", error),
        SocketError.TimedOut => TimedOut(remote, null, error),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => UnknownHost(remote, error),
        SocketError.AddressNotAvailable => new TransportException(
            TransportFailure.Unreachable, $"Cannot connect to {remote}: the address is not usable from this machine.", error),
        _ => new TransportException(TransportFailure.Other, $"Cannot connect to {remote}: {error.Message}.", error),
    };

    public static TransportException ForListen(Endpoint local, SocketException error) => error.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => new TransportException(
            TransportFailure.AddressInUse,
            $"Cannot listen at {local}: the address is already in use (another program or another sharekit listens there).",
            error),
        SocketError.AddressNotAvailable => new TransportException(
            TransportFailure.Other, $"Cannot listen at {local}: that address does not belong to this machine.", error),
        SocketError.AccessDenied => new TransportException(
            TransportFailure.Other, $"Cannot listen at {local}: permission denied (ports below 1024 need privileges).", error),
        SocketError.AddressFamilyNotSupported => new TransportException(
            TransportFailure.Other, $"Cannot listen at {local}: this machine does not support that address family.", error),
        _ => new TransportException(TransportFailure.Other, $"Cannot listen at {local}: {error.Message}.", error),
    };

    public static TransportException ForTransfer(Endpoint remote, Exception error)
    {
        var socketError = (error as SocketException)?.SocketErrorCode ?? SocketError.SocketError;
        var what = socketError switch
        {
            SocketError.ConnectionReset => "the peer reset the connection",
            SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.OperationAborted => "the connection was aborted",
            SocketError.TimedOut => "the peer stopped answering",
            _ => error.Message,
        };
        return new TransportException(TransportFailure.ConnectionLost, $"The connection with {remote} broke: {what}.", error);
    }

    public static TransportException TimedOut(Endpoint remote, TimeSpan? timeout, Exception? inner) => new(
        TransportFailure.TimedOut,
        timeout is { } limit
            ? $"{remote} did not answer within {limit.TotalSeconds:0.#} s (connectTimeoutSeconds); is the host up and the port open?"
            : $"{remote} did not answer in time; is the host up and the port open?",
        inner);

    public static TransportException UnknownHost(Endpoint remote, Exception? inner) => new(
        TransportFailure.UnknownHost, $"Cannot connect to {remote}: the host name '{remote.Host}' could not be resolved.", inner);
}
