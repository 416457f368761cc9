using ShareKit.Sdk;

namespace ShareKit.Transport.UnixSocket.Tests;

public sealed class StaleSocketTests
{
    [Fact]
    public async Task A_socket_file_left_by_a_killed_process_is_replaced_and_the_new_listener_works()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "node.sock");
        var other = await PythonListener.StartAsync(endpoint.Path);
        await other.KillAsync();
        Assert.True(File.Exists(endpoint.Path), "the killed process should have left its socket file");
        var transport = UnixSocketFixture.Transport();
        using var cts = new CancellationTokenSource(UnixSocketFixture.Timeout);

        await using var listener = await transport.ListenAsync(endpoint, cts.Token);

        await UnixSocketFixture.AssertRoundTripAsync(transport, listener, cts.Token);
    }

    [Fact]
    public async Task A_live_listeners_socket_is_never_taken_over()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "node.sock");
        await using var other = await PythonListener.StartAsync(endpoint.Path);
        var transport = UnixSocketFixture.Transport();
        using var cts = new CancellationTokenSource(UnixSocketFixture.Timeout);

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ListenAsync(endpoint, cts.Token).AsTask());

        Assert.Equal(TransportFailure.AddressInUse, error.Reason);
        Assert.Contains("Another program is listening", error.Message, StringComparison.Ordinal);
        // The other program still owns its socket: a connect reaches it.
        await using var stillThere = await transport.ConnectAsync(endpoint, cts.Token);
    }

    [Fact]
    public async Task A_file_that_is_not_a_socket_is_left_alone()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "notes.txt");
        await File.WriteAllTextAsync(endpoint.Path, "precious");
        var transport = UnixSocketFixture.Transport();

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ListenAsync(endpoint, CancellationToken.None).AsTask());

        Assert.Equal(TransportFailure.AddressInUse, error.Reason);
        Assert.Contains("is not a socket", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(endpoint.Path));
    }

    [Fact]
    public async Task Disposing_the_listener_removes_its_socket_file_and_later_connects_are_refused()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "node.sock");
        var transport = UnixSocketFixture.Transport();
        var listener = await transport.ListenAsync(endpoint, CancellationToken.None);
        Assert.True(File.Exists(endpoint.Path));

        await listener.DisposeAsync();

        Assert.False(File.Exists(endpoint.Path));
        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ConnectAsync(endpoint, CancellationToken.None).AsTask());
        Assert.Equal(TransportFailure.Refused, error.Reason);
        Assert.Contains("no socket file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listening_in_a_missing_folder_says_which_folder()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "missing/node.sock");
        var transport = UnixSocketFixture.Transport();

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.ListenAsync(endpoint, CancellationToken.None).AsTask());

        Assert.Contains(folder.Combine("missing"), error.Message, StringComparison.Ordinal);
    }
}
