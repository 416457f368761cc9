using System.IO.Pipelines;
using ShareKit.Sdk;

namespace ShareKit.Node.Tests.Support;

/// <summary>
/// A test layer over a real connection: everything written passes through an <see cref="IWriteFault"/> on its
/// way to the socket; <see cref="BreakAsync"/> drops the connection as a vanishing peer would.
/// </summary>
internal sealed class FaultyConnection : IConnection, IDuplexPipe
{
    private readonly IConnection inner;
    private readonly IWriteFault? fault;
    private readonly Pipe outgoing = new(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 512 << 10));
    private readonly Task pump;
    private int broken;

    public FaultyConnection(IConnection inner, IWriteFault? fault)
    {
        this.inner = inner;
        this.fault = fault;
        pump = PumpAsync();
    }

    public IDuplexPipe Transport => this;

    public PipeReader Input => inner.Transport.Input;

    public PipeWriter Output => outgoing.Writer;

    public Endpoint LocalEndpoint => inner.LocalEndpoint;

    public Endpoint RemoteEndpoint => inner.RemoteEndpoint;

    public PeerIdentity? Peer => inner.Peer;

    public async Task BreakAsync()
    {
        if (Interlocked.Exchange(ref broken, 1) == 0)
        {
            await inner.DisposeAsync();
            await outgoing.Reader.CompleteAsync(new IOException("The test broke the connection."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await outgoing.Writer.CompleteAsync();
        await pump;
        if (Interlocked.Exchange(ref broken, 1) == 0)
        {
            await inner.DisposeAsync();
        }
    }

    private async Task PumpAsync()
    {
        var reader = outgoing.Reader;
        var output = inner.Transport.Output;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                foreach (var segment in result.Buffer)
                {
                    var cut = false;
                    var passed = fault is null ? segment : fault.Pass(segment, out cut);
                    await output.WriteAsync(passed);
                    if (cut)
                    {
                        reader.AdvanceTo(result.Buffer.End);
                        await BreakAsync();
                        return;
                    }
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    await output.CompleteAsync();
                    await reader.CompleteAsync();
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or ShareKitException)
        {
            await BreakAsync();
        }
    }
}
