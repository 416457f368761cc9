using System.Diagnostics;
using System.Net;

namespace ShareKit.Plugins.Shared.Discovery;

/// <summary>
/// Token buckets per sending address and for all traffic together, checked before a datagram is parsed, so a
/// flooding host costs a dictionary look-up per packet and cannot crowd out the others.
/// </summary>
/// <remarks>Shared source, compiled into each discovery plugin (plugins cannot share an assembly beside the SDK).</remarks>
internal sealed class FloodGuard(FloodLimits limits)
{
    private const int MaxSources = 512;

    private readonly Lock gate = new();
    private readonly Dictionary<IPAddress, Bucket> sources = [];
    private Bucket total = new(limits.TotalBurst, 0);

    /// <summary>True when a packet from <paramref name="from"/> may be processed now.</summary>
    public bool Admit(IPAddress from)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (!sources.TryGetValue(from, out var bucket))
            {
                if (sources.Count >= MaxSources)
                {
                    EvictIdle(now);
                }

                bucket = new Bucket(limits.PerSourceBurst, now);
            }

            var sourceOk = bucket.TryTake(now, limits.PerSourceBurst, limits.PerSourcePerSecond);
            sources[from] = bucket;
            return sourceOk && total.TryTake(now, limits.TotalBurst, limits.TotalPerSecond);
        }
    }

    private void EvictIdle(long now)
    {
        // Full buckets belong to quiet senders: forgetting them loses nothing.
        foreach (var (address, bucket) in sources.ToList())
        {
            if (bucket.Refilled(now, limits.PerSourceBurst, limits.PerSourcePerSecond) >= limits.PerSourceBurst)
            {
                sources.Remove(address);
            }
        }

        if (sources.Count >= MaxSources)
        {
            sources.Clear();
        }
    }

    private struct Bucket(double tokens, long stamp)
    {
        private double tokens = tokens;
        private long stamp = stamp;

        public readonly double Refilled(long now, double burst, double perSecond) =>
            Math.Min(burst, tokens + (Stopwatch.GetElapsedTime(stamp, now).TotalSeconds * perSecond));

        public bool TryTake(long now, double burst, double perSecond)
        {
            tokens = Refilled(now, burst, perSecond);
            stamp = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}

/// <summary>Token-bucket sizes for <see cref="FloodGuard"/>: packets per burst and per second, per source and in total.</summary>
internal sealed record FloodLimits(double PerSourceBurst, double PerSourcePerSecond, double TotalBurst, double TotalPerSecond);
