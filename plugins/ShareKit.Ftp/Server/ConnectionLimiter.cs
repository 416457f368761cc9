using System.Net;

namespace ShareKit.Ftp;

/// <summary>Counts open control connections, in total and per client address, against the configured limits.</summary>
internal sealed class ConnectionLimiter(int maxTotal, int maxPerAddress)
{
    private readonly Dictionary<IPAddress, int> perAddress = [];
    private int total;

    /// <summary>Takes a slot for <paramref name="address"/>; null on success, otherwise the reason for the 421 reply.</summary>
    public string? TryAcquire(IPAddress address)
    {
        lock (perAddress)
        {
            if (total >= maxTotal)
            {
                return $"Too many connections ({maxTotal}); try again later.";
            }

            perAddress.TryGetValue(address, out var count);
            if (count >= maxPerAddress)
            {
                return $"Too many connections from your address (limit {maxPerAddress}); try again later.";
            }

            perAddress[address] = count + 1;
            total++;
            return null;
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryAcquire"/>.</summary>
    public void Release(IPAddress address)
    {
        lock (perAddress)
        {
            total--;
            if (perAddress.TryGetValue(address, out var count) && count > 1)
            {
                perAddress[address] = count - 1;
            }
            else
            {
                perAddress.Remove(address);
            }
        }
    }
}
