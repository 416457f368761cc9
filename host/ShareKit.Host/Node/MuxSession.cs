using System.IO.Pipelines;
using Nerdbank.Streams;
using ShareKit.Sdk;

namespace ShareKit.Host.Node;

/// <summary>A session connection: the multiplexing stream (protocol v3 on both sides) and its control channel.</summary>
internal sealed class MuxSession : IAsyncDisposable
{
    // Bigger windows than Nerdbank's default keep a lane streaming while the receiver writes to disk.
    private const long ChannelWindow = 4L << 20;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private MuxSession(IConnection connection, MultiplexingStream mux, MultiplexingStream.Channel control)
    {
        Connection = connection;
        Mux = mux;
        ControlPipe = control;
        Control = new ControlChannel(control.Input, control.Output);
    }

    public IConnection Connection { get; }

    public MultiplexingStream Mux { get; }

    public ControlChannel Control { get; }

    private MultiplexingStream.Channel ControlPipe { get; }

    public static async Task<MuxSession> OpenAsInitiatorAsync(IConnection connection, CancellationToken ct)
    {
        await Preamble.WriteAsync(connection.Transport.Output, ConnectionKind.Session, ct).ConfigureAwait(false);
        var mux = await CreateMuxAsync(connection, ct).ConfigureAwait(false);
        var control = await mux.OfferChannelAsync(PeerProtocol.ControlChannelName, ct).ConfigureAwait(false);
        return new MuxSession(connection, mux, control);
    }

    /// <summary>Opens the responder side; the preamble was already read by <see cref="PeerEndpoint"/>.</summary>
    public static async Task<MuxSession> OpenAsResponderAsync(IConnection connection, CancellationToken ct)
    {
        var mux = await CreateMuxAsync(connection, ct).ConfigureAwait(false);
        var control = await mux.AcceptChannelAsync(PeerProtocol.ControlChannelName, ct).ConfigureAwait(false);
        return new MuxSession(connection, mux, control);
    }

    public async Task<IDuplexPipe> OfferLaneAsync(CancellationToken ct) =>
        await Mux.OfferChannelAsync(PeerProtocol.LaneChannelName, LaneOptions(), ct).ConfigureAwait(false);

    public async Task<IDuplexPipe> AcceptLaneAsync(CancellationToken ct) =>
        await Mux.AcceptChannelAsync(PeerProtocol.LaneChannelName, LaneOptions(), ct).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await Control.CompleteAsync().ConfigureAwait(false);

        // Disposing at once could drop a last message (an Error) still queued in the channel; a peer that got
        // it closes its side, which completes the channel. A peer that does not is cut off after a moment.
        try
        {
            await ControlPipe.Completion.WaitAsync(CloseGrace).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }

        ControlPipe.Dispose();
        await Mux.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<MultiplexingStream> CreateMuxAsync(IConnection connection, CancellationToken ct)
    {
        var options = new MultiplexingStream.Options
        {
            ProtocolMajorVersion = 3,
            DefaultChannelReceivingWindowSize = ChannelWindow,
        };
        try
        {
            return await MultiplexingStream.CreateAsync(connection.Transport.AsStream(), options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ShareKitException)
        {
            throw new ProtocolException($"The peer did not start the ShareKit session correctly: {e.Message}", e);
        }
    }

    private static MultiplexingStream.ChannelOptions LaneOptions() => new() { ChannelReceivingWindowSize = ChannelWindow };
}
