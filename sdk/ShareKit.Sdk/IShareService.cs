namespace ShareKit.Sdk;

/// <summary>A long-running service of the node (FTP, the library web page, …), started by <c>sharekit serve</c>.</summary>
public interface IShareService
{
    /// <summary>Binds and starts serving; returns once the service is ready (or throws why it cannot start).</summary>
    ValueTask StartAsync(CancellationToken ct);

    /// <summary>Stops accepting, ends open sessions and releases resources. Should finish within a second or two.</summary>
    ValueTask StopAsync(CancellationToken ct);
}

/// <summary>An optional capability of a service: the addresses people can reach it at, shown by <c>sharekit serve</c>.</summary>
public interface IListeningService
{
    /// <summary>Addresses after start, e.g. <c>ftp://0.0.0.0:2121</c>.</summary>
    IReadOnlyList<string> ListenAddresses { get; }
}
