using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// Opens connections for <c>unix:///path/to.sock</c> endpoints over Unix domain sockets: local IPC for scripts and
/// tools on the same machine, guarded by the socket file's permissions. One instance serves the whole node and is
/// called from many threads at once; each listener and connection owns its own socket.
/// </summary>
/// <remarks>
/// Listening replaces a <em>stale</em> socket file (one left by a process that died: connecting to it is refused)
/// but never a live one (another listener answers: <see cref="TransportFailure.AddressInUse"/>) nor anything that is
/// not a socket. The file is created with the <c>mode</c> setting (default 0600) before the socket listens, and
/// deleted when the listener is disposed.
/// </remarks>
public sealed partial class UnixSocketTransport : ITransport
{
    /// <summary>sun_path holds 108 bytes including the terminating NUL.</summary>
    private const int MaxPathBytes = 107;

    private readonly UnixSocketTransportOptions options;
    private readonly ILogger logger;

    /// <summary>Makes the transport; <paramref name="scheme"/> is the one it was registered under.</summary>
    public UnixSocketTransport(string scheme, UnixSocketTransportOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Scheme = scheme;
        this.options = options;
        logger = loggerFactory.CreateLogger<UnixSocketTransport>();
    }

    /// <summary>The scheme this transport serves, lowercase.</summary>
    public string Scheme { get; }

    /// <summary>
    /// Creates the socket file at <paramref name="local"/>'s path with the configured permissions and listens on it.
    /// Completes at once (binding is synchronous); <paramref name="ct"/> is checked first.
    /// </summary>
    /// <exception cref="TransportException">
    /// <see cref="TransportFailure.AddressInUse"/>: a live listener owns the path, or something that is not a socket is
    /// there. <see cref="TransportFailure.Other"/>: the folder is missing or not writable, or the path is too long.
    /// </exception>
    public ValueTask<IConnectionListener> ListenAsync(Endpoint local, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(local);
        ct.ThrowIfCancellationRequested();
        var path = SocketPath(local);
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new TransportException(TransportFailure.Other, $"Cannot listen on {local}: the folder {folder} does not exist.");
        }

        RemoveStaleSocket(local, path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // Permissions before listen(): until then every connect is refused, so nobody slips in under the umask's mode.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, options.Mode);
            }

            socket.Listen(options.Backlog);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw e.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? new TransportException(TransportFailure.AddressInUse, $"{local} was taken by another program while this one started listening.", e)
                : new TransportException(TransportFailure.Other, $"Cannot listen on {local}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            socket.Dispose();
            TryDelete(path);
            throw new TransportException(TransportFailure.Other, $"Cannot set the permissions of {path}: {e.Message}", e);
        }

        LogListening(logger, local, options.Mode);
        return ValueTask.FromResult<IConnectionListener>(new UnixSocketListener(socket, Endpoint.ForPath(Scheme, path), logger));
    }

    /// <summary>
    /// Connects to the socket file at <paramref name="remote"/>'s path. Cancelling <paramref name="ct"/> abandons the
    /// attempt with <see cref="OperationCanceledException"/>; a full backlog past the timeout fails with
    /// <see cref="TransportFailure.TimedOut"/>.
    /// </summary>
    /// <exception cref="TransportException">
    /// <see cref="TransportFailure.Refused"/>: no socket file, or nobody listens on it. <see cref="TransportFailure.Other"/>:
    /// the file's permissions do not admit this user.
    /// </exception>
    public async ValueTask<IConnection> ConnectAsync(Endpoint remote, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var path = SocketPath(remote);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TransportException(
                TransportFailure.TimedOut,
                string.Create(CultureInfo.InvariantCulture, $"{remote} did not accept within {options.ConnectTimeout.TotalSeconds:0.#} s (its backlog is full)."));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw SocketErrors.ForConnect(e, remote);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        // Client sockets are unnamed, so both ends of a connection are named by the listener's path.
        var connection = SocketConnection.Start(socket, remote, remote);
        LogConnected(logger, remote);
        return connection;
    }

    /// <summary>Deletes a socket file left by a dead process; refuses a live one and anything that is not a socket.</summary>
    private void RemoveStaleSocket(Endpoint local, string path)
    {
        switch (SocketFile.At(path))
        {
            case SocketFile.Kind.Nothing:
                return;
            case SocketFile.Kind.SomethingElse:
                throw new TransportException(TransportFailure.AddressInUse, $"{path} exists and is not a socket; it is left alone. Choose another path for {local}.");
            case SocketFile.Kind.Unknown:
                throw new TransportException(TransportFailure.AddressInUse, $"{path} exists and its type could not be checked; remove it if no program uses it.");
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            // Nobody listens: the process that made it is gone (killed, crashed). The file is ours to replace.
            LogStaleRemoved(logger, path);
            TryDelete(path);
            return;
        }
        catch (SocketException e)
        {
            throw new TransportException(TransportFailure.AddressInUse, $"{path} exists and could not be checked ({e.Message}); it is left alone.", e);
        }

        throw new TransportException(
            TransportFailure.AddressInUse,
            $"Another program is listening on {local}; stop it or choose another path (the socket file was left alone).");
    }

    private string SocketPath(Endpoint endpoint)
    {
        if (!string.Equals(endpoint.Scheme, Scheme, StringComparison.Ordinal) || endpoint.IsNetwork)
        {
            throw new ArgumentException($"{endpoint} is not a {Scheme}:// endpoint with a socket path, e.g. {Scheme}:///run/user/1000/sharekit.sock.", nameof(endpoint));
        }

        return Encoding.UTF8.GetByteCount(endpoint.Path) <= MaxPathBytes
            ? endpoint.Path
            : throw new TransportException(TransportFailure.Other, $"{endpoint}: a Unix socket path is at most {MaxPathBytes} bytes; choose a shorter one.");
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "listening on {Endpoint} (socket file permissions: {Mode})")]
    private static partial void LogListening(ILogger logger, Endpoint endpoint, UnixFileMode mode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "connected to {Endpoint}")]
    private static partial void LogConnected(ILogger logger, Endpoint endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "removed the stale socket file {Path} (nobody was listening on it)")]
    private static partial void LogStaleRemoved(ILogger logger, string path);
}
