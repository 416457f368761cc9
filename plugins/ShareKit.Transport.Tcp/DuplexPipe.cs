using System.IO.Pipelines;

namespace ShareKit.Transport.Tcp;

/// <summary>The application's ends of a connection's two pipes.</summary>
internal sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
