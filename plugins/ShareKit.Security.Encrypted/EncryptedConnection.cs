using System.IO.Pipelines;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Handshake;
using ShareKit.Security.Encrypted.Records;
using ShareKit.Security.Encrypted.Trust;

namespace ShareKit.Security.Encrypted;

/// <summary>
/// A connection after the encrypted handshake. The application reads and writes plaintext pipes; two pumps seal and
/// open records over the inner connection. Completing <see cref="Transport"/>.Output sends the close record (a clean
/// end); disposing without completing it is an abort, which the peer reports as truncation.
/// </summary>
internal sealed class EncryptedConnection : IConnection, IAuthenticatedPeerInfo
{
    // Segments of 128 KiB hold a whole 64 KiB record with room to spare, so decrypting straight into the pipe never
    // asks for an oversized buffer (which the shared array pool would not keep, allocating per record).
    private static readonly PipeOptions PlaintextPipeOptions = new(
        pauseWriterThreshold: 1024 * 1024,
        resumeWriterThreshold: 512 * 1024,
        minimumSegmentSize: 128 * 1024,
        useSynchronizationContext: false);

    private readonly IConnection inner;
    private readonly HandshakeOutcome outcome;
    private readonly Pipe outgoing = new(PlaintextPipeOptions);
    private readonly Pipe incoming = new(PlaintextPipeOptions);
    private readonly CancellationTokenSource stop = new();
    private readonly Task sealing;
    private readonly Task opening;
    private int disposed;

    public EncryptedConnection(IConnection inner, HandshakeOutcome outcome, long rekeyAfterRecords)
    {
        this.inner = inner;
        this.outcome = outcome;
        Peer = new PeerIdentity(outcome.PeerPublicKey, Identity.Fingerprint.Of(outcome.PeerPublicKey));
        Transport = new DuplexPipe(incoming.Reader, outgoing.Writer);
        var sealer = new RecordSealer(outcome.Send, rekeyAfterRecords);
        var opener = new RecordOpener(outcome.Receive, rekeyAfterRecords, outcome.PeerHello.Name);
        sealing = Task.Run(() => sealer.RunAsync(outgoing.Reader, inner.Transport.Output, stop.Token));
        opening = Task.Run(() => opener.RunAsync(inner.Transport.Input, incoming.Writer, Abort, stop.Token));
    }

    public IDuplexPipe Transport { get; }

    public Endpoint LocalEndpoint => inner.LocalEndpoint;

    public Endpoint RemoteEndpoint => inner.RemoteEndpoint;

    public PeerIdentity? Peer { get; }

    public NodeId PeerNodeId => outcome.PeerHello.NodeId;

    public string PeerName => outcome.PeerHello.Name;

    public TrustDecision TrustDecision => outcome.Decision;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(sealing, opening).ConfigureAwait(false);
        await inner.DisposeAsync().ConfigureAwait(false);
        outcome.Send.Dispose();
        outcome.Receive.Dispose();
        stop.Dispose();
    }

    // A bad record ends both directions: nothing more is sent to a peer whose stream was tampered with. The reason
    // reaches the application through its input pipe.
    private void Abort(Exception _)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
