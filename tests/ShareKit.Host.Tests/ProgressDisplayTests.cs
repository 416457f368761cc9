using System.Text.Json;
using ShareKit.Host.Cli;

namespace ShareKit.Host.Tests;

public sealed class ProgressDisplayTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5.0 GiB")]
    public void Sizes_are_shown_in_binary_units(long bytes, string expected) => Assert.Equal(expected, ProgressDisplay.Bytes(bytes));

    [Fact]
    public void Json_mode_writes_one_event_per_line_and_a_done_event_with_the_outcome()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var display = new ProgressDisplay(ProgressMode.Json, output, clock);

        display.Report(new ProgressState("a.bin", 10, 100, 10, 200, 0, 2), force: true);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        display.Report(new ProgressState("a.bin", 20, 100, 20, 200, 0, 2));
        display.Finish(new ProgressState(null, 0, 0, 200, 200, 2, 2), "delivered");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("progress", first.RootElement.GetProperty("event").GetString());
        Assert.Equal(200, first.RootElement.GetProperty("totalBytes").GetInt64());
        using var last = JsonDocument.Parse(lines[1]);
        Assert.Equal("done", last.RootElement.GetProperty("event").GetString());
        Assert.Equal("delivered", last.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Lines_mode_prints_percent_sizes_and_items_and_a_summary()
    {
        var output = new StringWriter();
        var display = new ProgressDisplay(ProgressMode.Lines, output, new ManualClock());

        display.Report(new ProgressState("film.mkv", 512, 1024, 512, 1024, 0, 1), force: true);
        display.Finish(new ProgressState(null, 0, 0, 1024, 1024, 1, 1), "delivered");

        var text = output.ToString();
        Assert.Contains(" 50.0%  512 B / 1.0 KiB", text);
        Assert.Contains("[0/1] film.mkv", text);
        Assert.Contains("delivered: 1/1 items, 1.0 KiB in", text);
    }

    /// <summary>Time that moves only when the test says so.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
