using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShareKit.Host.Cli;

/// <summary>
/// Shows progress of long work: a live bar on a terminal, a plain line every few seconds when stderr is not a
/// terminal, or one JSON event per line on stdout with <c>--json</c>. Throttled, so reporting on every chunk is cheap.
/// </summary>
internal sealed class ProgressDisplay
{
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan JsonInterval = TimeSpan.FromMilliseconds(500);

    private readonly ProgressMode mode;
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly Lock gate = new();
    private TimeSpan lastDrawn = TimeSpan.MinValue;
    private long lastBytes;
    private TimeSpan lastRateAt;
    private double rate;
    private bool barVisible;

    public ProgressDisplay(ProgressMode mode, TextWriter? output = null, TimeProvider? time = null)
    {
        this.mode = mode;
        this.time = time ?? TimeProvider.System;
        started = this.time.GetTimestamp();
        this.output = output ?? (mode == ProgressMode.Json ? Console.Out : Console.Error);
    }

    /// <summary>Bar on a terminal, lines otherwise, JSON when asked.</summary>
    public static ProgressDisplay ForConsole(bool json) =>
        new(json ? ProgressMode.Json : Console.IsErrorRedirected ? ProgressMode.Lines : ProgressMode.Bar);

    /// <summary>Shows the state if enough time passed since the last update (always when <paramref name="force"/>).</summary>
    public void Report(ProgressState state, bool force = false)
    {
        lock (gate)
        {
            var now = Elapsed;
            UpdateRate(state.Bytes, now);
            var interval = mode switch { ProgressMode.Bar => BarInterval, ProgressMode.Lines => LineInterval, _ => JsonInterval };
            if (!force && now - lastDrawn < interval)
            {
                return;
            }

            lastDrawn = now;
            switch (mode)
            {
                case ProgressMode.Json:
                    output.WriteLine(JsonSerializer.Serialize(ToJson("progress", state, null), ProgressJsonContext.Default.ProgressEventJson));
                    break;
                case ProgressMode.Lines:
                    output.WriteLine(Describe(state));
                    break;
                default:
                    DrawBar(state);
                    break;
            }
        }
    }

    /// <summary>Ends the display with a final state and an outcome line (<c>delivered</c>, <c>failed: …</c>).</summary>
    public void Finish(ProgressState state, string outcome, long? sentBytes = null)
    {
        var resumed = sentBytes is { } sent && sent < state.Bytes ? state.Bytes - sent : 0;
        lock (gate)
        {
            if (mode == ProgressMode.Json)
            {
                output.WriteLine(JsonSerializer.Serialize(ToJson("done", state, outcome) with { ResumedBytes = resumed }, ProgressJsonContext.Default.ProgressEventJson));
                return;
            }

            if (barVisible)
            {
                output.Write("\r\u001b[2K");
                barVisible = false;
            }

            var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome}: {state.ItemsDone}/{state.ItemsTotal} items, {Bytes(state.Bytes)} in {seconds:0.0} s ({Bytes((long)(state.Bytes / seconds))}/s)") +
                (resumed > 0 ? $", {Bytes(resumed)} resumed from an earlier attempt" : string.Empty));
        }
    }

    private TimeSpan Elapsed => time.GetElapsedTime(started);

    private void UpdateRate(long bytes, TimeSpan now)
    {
        var elapsed = (now - lastRateAt).TotalSeconds;
        if (elapsed < 0.25)
        {
            return;
        }

        var instant = (bytes - lastBytes) / elapsed;
        rate = rate == 0 ? instant : (0.7 * rate) + (0.3 * instant);
        lastBytes = bytes;
        lastRateAt = now;
    }

    private string Describe(ProgressState state)
    {
        var percent = state.TotalBytes > 0 ? 100.0 * state.Bytes / state.TotalBytes : 100;
        var eta = rate > 0 && state.TotalBytes > state.Bytes ? TimeSpan.FromSeconds((state.TotalBytes - state.Bytes) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{percent,5:0.0}%  {Bytes(state.Bytes)} / {Bytes(state.TotalBytes)}  {Bytes((long)rate)}/s  ETA {eta:hh\\:mm\\:ss}  [{state.ItemsDone}/{state.ItemsTotal}] {state.CurrentItem}");
    }

    private void DrawBar(ProgressState state)
    {
        const int width = 24;
        var fraction = state.TotalBytes > 0 ? Math.Clamp((double)state.Bytes / state.TotalBytes, 0, 1) : 1;
        var filled = (int)(fraction * width);
        var bar = new string('#', filled) + new string('-', width - filled);
        var line = $"[{bar}] {Describe(state)}";
        var columns = Console.IsErrorRedirected ? 120 : Math.Max(40, Console.WindowWidth - 1);
        output.Write("\r\u001b[2K" + (line.Length > columns ? line[..columns] : line));
        barVisible = true;
    }

    private ProgressEventJson ToJson(string kind, ProgressState state, string? outcome) => new(
        kind, state.CurrentItem, state.ItemBytes, state.ItemTotal, state.Bytes, state.TotalBytes, state.ItemsDone, state.ItemsTotal,
        Math.Round(rate), Math.Round(Elapsed.TotalSeconds, 3), outcome);

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }
}

/// <summary>How progress is shown.</summary>
internal enum ProgressMode
{
    Bar,
    Lines,
    Json,
}

/// <summary>Where long work stands.</summary>
internal sealed record ProgressState(string? CurrentItem, long ItemBytes, long ItemTotal, long Bytes, long TotalBytes, int ItemsDone, int ItemsTotal);

/// <summary>One line of <c>--json</c> progress.</summary>
internal sealed record ProgressEventJson(
    string Event,
    string? Item,
    long ItemBytes,
    long ItemTotal,
    long Bytes,
    long TotalBytes,
    int ItemsDone,
    int ItemsTotal,
    double BytesPerSecond,
    double ElapsedSeconds,
    string? Outcome)
{
    /// <summary>On the done event: bytes the receiver already held from an earlier, interrupted attempt.</summary>
    public long ResumedBytes { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProgressEventJson))]
internal sealed partial class ProgressJsonContext : JsonSerializerContext;
