using Microsoft.Extensions.Logging;

namespace ShareKit.Http.Serving;

/// <summary>Sends ASP.NET Core's own log messages to the host's logger factory, which the host owns and disposes.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory hostFactory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => hostFactory.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
