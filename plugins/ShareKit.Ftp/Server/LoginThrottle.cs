using System.Net;

namespace ShareKit.Ftp;

/// <summary>
/// Remembers failed logins per client address: each failure waits longer before its reply (doubling up to a cap),
/// and an address with too many failures inside the window is refused until the window passes.
/// </summary>
internal sealed class LoginThrottle(FtpOptions options, TimeProvider time)
{
    private readonly Dictionary<IPAddress, Record> failures = [];

    /// <summary>True when the address has used up its failed logins; it is refused until the window passes.</summary>
    public bool IsBlocked(IPAddress address)
    {
        lock (failures)
        {
            return Current(address) is { } record && record.Count >= options.MaxFailedLoginsPerAddress;
        }
    }

    /// <summary>Records a failure and returns how long to wait before replying to it.</summary>
    public TimeSpan RecordFailure(IPAddress address)
    {
        lock (failures)
        {
            var count = (Current(address)?.Count ?? 0) + 1;
            failures[address] = new Record(count, time.GetUtcNow());
            if (failures.Count > 10_000)
            {
                Prune();
            }

            return DelayFor(count);
        }
    }

    /// <summary>Forgets the failures of an address after a successful login.</summary>
    public void RecordSuccess(IPAddress address)
    {
        lock (failures)
        {
            failures.Remove(address);
        }
    }

    /// <summary>The wait before replying to the <paramref name="failureCount"/>-th failure: the base delay doubled per earlier failure, capped.</summary>
    public TimeSpan DelayFor(int failureCount)
    {
        var delay = options.FailedLoginDelay;
        for (var i = 1; i < failureCount && delay < options.MaxFailedLoginDelay; i++)
        {
            delay *= 2;
        }

        return delay < options.MaxFailedLoginDelay ? delay : options.MaxFailedLoginDelay;
    }

    private Record? Current(IPAddress address)
    {
        if (!failures.TryGetValue(address, out var record))
        {
            return null;
        }

        if (time.GetUtcNow() - record.Last > options.FailedLoginWindow)
        {
            failures.Remove(address);
            return null;
        }

        return record;
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (address, record) in failures.ToArray())
        {
            if (now - record.Last > options.FailedLoginWindow)
            {
                failures.Remove(address);
            }
        }
    }

    private sealed record Record(int Count, DateTimeOffset Last);
}
