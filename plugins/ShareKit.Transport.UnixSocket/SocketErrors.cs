using System.Net.Sockets;
using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// Turns socket errors into the SDK's <see cref="TransportException"/> with a <see cref="TransportFailure"/> the
/// host can react to and a message a person can act on. Callers never see a bare <see cref="SocketException"/>.
/// </summary>
internal static class SocketErrors
{
    public static TransportException ForConnect(SocketException e, Endpoint remote) => e.SocketErrorCode switch
    {
        // ENOENT: no socket file at all.
        SocketError.AddressNotAvailable =>
            new(TransportFailure.Refused, $"Nothing is listening at {remote}: there is no socket file at {remote.Path}. Is the program that should listen there running?", e),
        SocketError.ConnectionRefused =>
            new(TransportFailure.Refused, $"Nothing is listening at {remote}: the socket file is there but no program accepts on it (a stale file from a stopped program?).", e),
        SocketError.AccessDenied =>
            new(TransportFailure.Other, $"Not allowed to connect to {remote}: its socket file's permissions do not admit this user (see the listener's 'mode' setting).", e),
        SocketError.TimedOut or SocketError.WouldBlock =>
            new(TransportFailure.TimedOut, $"{remote} did not accept in time.", e),
        _ => new(TransportFailure.Other, $"Could not connect to {remote}: {e.Message}", e),
    };

    public static TransportException ForTransfer(SocketException e, Endpoint remote) =>
        new(TransportFailure.ConnectionLost, $"The connection with {remote} broke: {e.Message}", e);
}
