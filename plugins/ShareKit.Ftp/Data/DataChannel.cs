using System.Net.Sockets;

namespace ShareKit.Ftp;

/// <summary>How the next data connection will be made: by accepting (PASV/EPSV) or by connecting (PORT/EPRT).</summary>
internal abstract class DataChannel : IAsyncDisposable
{
    /// <summary>Makes the data connection (accepting or connecting), within the accept timeout.</summary>
    public abstract ValueTask<Socket> ConnectAsync(CancellationToken ct);

    public virtual ValueTask DisposeAsync() => default;
}
