using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace ShareKit.Plugins.Shared.Discovery;

/// <summary>Logs dropped packets at debug level, at most a few lines per second, counting the lines it held back.</summary>
/// <remarks>Shared source, compiled into each discovery plugin.</remarks>
internal sealed partial class DropLog(ILogger logger, string packetKind)
{
    private const int LinesPerSecond = 5;

    private readonly Lock gate = new();
    private long windowStart = Stopwatch.GetTimestamp();
    private int linesInWindow;
    private long suppressed;
    private long dropped;

    /// <summary>How many packets were dropped in total (for tests and diagnostics).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Drop(IPEndPoint? source, string reason)
    {
        Interlocked.Increment(ref dropped);
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        lock (gate)
        {
            LogRateLimited(source, reason);
        }
    }

    private void LogRateLimited(IPEndPoint? source, string reason)
    {
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(windowStart, now) >= TimeSpan.FromSeconds(1))
        {
            windowStart = now;
            linesInWindow = 0;
        }

        if (linesInWindow >= LinesPerSecond)
        {
            suppressed++;
            return;
        }

        linesInWindow++;
        PacketDropped(logger, packetKind, source, reason, suppressed);
        suppressed = 0;
    }

    [LoggerMessage(1, LogLevel.Debug, "Dropped {PacketKind} packet from {Source}: {Reason} ({Suppressed} similar lines suppressed before this one)")]
    private static partial void PacketDropped(ILogger logger, string packetKind, IPEndPoint? source, string reason, long suppressed);
}
