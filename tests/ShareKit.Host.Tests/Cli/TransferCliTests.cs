using ShareKit.Testing;

namespace ShareKit.Host.Tests.Cli;

public sealed class TransferCliTests : IDisposable
{
    private readonly TransferCliFixture fixture = new();

    [Fact]
    public async Task Send_delivers_a_tree_to_receive_byte_and_mtime_exact_and_both_exit_0()
    {
        var film = fixture.Source + "/film.bin";
        await File.WriteAllBytesAsync(film, RandomBytes(3_000_000));
        Directory.CreateDirectory(fixture.Source + "/books/empty-folder");
        await File.WriteAllTextAsync(fixture.Source + "/books/Ærø — ünïcode.txt", "hello");
        await File.WriteAllBytesAsync(fixture.Source + "/books/empty.txt", []);
        var mtime = new DateTime(2020, 2, 29, 12, 34, 56, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(film, mtime);

        var (receiver, address) = await fixture.StartReceiverAsync("--yes");
        await using var _ = receiver;
        await using var sender = fixture.StartSender(address, film, fixture.Source + "/books");

        Assert.True(await sender.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, sender.AllOutput);
        Assert.True(await receiver.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, receiver.AllOutput);
        Assert.Equal(await File.ReadAllBytesAsync(film), await File.ReadAllBytesAsync(fixture.Inbox + "/film.bin"));
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(fixture.Inbox + "/film.bin"));
        Assert.Equal("hello", await File.ReadAllTextAsync(fixture.Inbox + "/books/Ærø — ünïcode.txt"));
        Assert.Equal(0, new FileInfo(fixture.Inbox + "/books/empty.txt").Length);
        Assert.True(Directory.Exists(fixture.Inbox + "/books/empty-folder"));
        Assert.Contains(sender.StandardError, l => l.StartsWith("delivered (receiver): ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_offer_nobody_can_answer_is_declined_and_send_exits_3()
    {
        await File.WriteAllTextAsync(fixture.Source + "/a.txt", "a");
        var (receiver, address) = await fixture.StartReceiverAsync();
        await using var _ = receiver;
        await using var sender = fixture.StartSender(address, fixture.Source + "/a.txt");

        Assert.True(await sender.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 3, sender.AllOutput);
        Assert.Contains(sender.StandardError, l => l.StartsWith("declined", StringComparison.Ordinal));
        Assert.False(File.Exists(fixture.Inbox + "/a.txt"));
    }

    [Fact]
    public async Task Send_to_a_port_where_nothing_listens_fails_with_exit_1_and_a_clear_reason()
    {
        await File.WriteAllTextAsync(fixture.Source + "/a.txt", "a");
        await using var sender = fixture.StartSender("tcp://127.0.0.1:9", fixture.Source + "/a.txt");

        Assert.Equal(1, await sender.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(sender.StandardError, l => l.Contains("tcp://127.0.0.1:9") && l.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("sender")]
    [InlineData("receiver")]
    public async Task A_killed_process_resumes_from_the_staged_length_and_the_result_is_identical(string victim)
    {
        var big = fixture.Source + "/big.bin";
        // Big enough that an idle machine is still mid-file when the poll sees the first staged MiB.
        await File.WriteAllBytesAsync(big, RandomBytes(192 << 20));
        var (receiver, address) = await fixture.StartReceiverAsync("--yes", "--keep");
        var sender = fixture.StartSender(address, big);
        try
        {
            await Eventually.TrueAsync(() => StagedBytes() > (1 << 20), TimeSpan.FromSeconds(60), "the receiver staged the first MiB");
            (victim == "sender" ? sender : receiver).Signal(9);
            await (victim == "sender" ? sender : receiver).WaitForExitAsync(TimeSpan.FromSeconds(10));
            Assert.False(File.Exists(fixture.Inbox + "/big.bin"), "a partial file was published");
            var staged = StagedBytes();
            Assert.InRange(staged, 1, (192 << 20) - 1);

            if (victim == "receiver")
            {
                await sender.WaitForExitAsync(TimeSpan.FromSeconds(60));
                await receiver.DisposeAsync();
                (receiver, address) = await fixture.StartReceiverAsync("--yes", "--keep");
            }

            await sender.DisposeAsync();
            sender = fixture.StartSender(address, big);
            Assert.True(await sender.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, sender.AllOutput);
            Assert.Contains(sender.StandardError, l => l.Contains("resumed from an earlier attempt"));
            Assert.Equal(await File.ReadAllBytesAsync(big), await File.ReadAllBytesAsync(fixture.Inbox + "/big.bin"));
        }
        finally
        {
            await sender.DisposeAsync();
            await receiver.DisposeAsync();
        }
    }

    public void Dispose() => fixture.Dispose();

    private long StagedBytes() =>
        Directory.Exists(fixture.Staging) ? Directory.GetFiles(fixture.Staging, "*.part").Sum(f => new FileInfo(f).Length) : 0;

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
