using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Transport.UnixSocket.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SocketPermissionTests
{
    [Fact]
    public async Task The_socket_file_is_owner_only_by_default()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "node.sock");

        await using var listener = await UnixSocketFixture.Transport().ListenAsync(endpoint, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(endpoint.Path));
    }

    [Fact]
    public async Task The_mode_setting_sets_the_socket_files_permissions()
    {
        using var folder = UnixSocketFixture.ShortTempDirectory();
        var endpoint = UnixSocketFixture.SocketAt(folder, "node.sock");

        await using var listener = await UnixSocketFixture.Transport(("mode", "0660")).ListenAsync(endpoint, CancellationToken.None);

        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(endpoint.Path));
    }

    [Theory]
    [InlineData("0600", false)]
    [InlineData("0666", true)]
    public async Task Another_user_can_connect_only_when_the_mode_admits_them(string mode, bool admitted)
    {
        Assert.True(ExternalTool.IsRoot, "this test switches to the user 'nobody' and must run as root (as CI does)");
        var runuser = ExternalTool.Require("runuser", "util-linux");
        var python = ExternalTool.Require("/usr/bin/python3", "python3");
        using var folder = UnixSocketFixture.ShortTempDirectory();
        File.SetUnixFileMode(folder.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        var endpoint = UnixSocketFixture.SocketAt(folder, "node.sock");
        await using var listener = await UnixSocketFixture.Transport(("mode", mode)).ListenAsync(endpoint, CancellationToken.None);

        var result = await ProcessRunner.RunAsync(
            runuser,
            ["-u", "nobody", "--", python, "-c", "import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1]); print('connected')", endpoint.Path],
            UnixSocketFixture.Timeout);

        if (admitted)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("connected", result.StandardOutput, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.ExitCode != 0, result.ToString());
            Assert.Contains("PermissionError", result.StandardError, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("999")]
    [InlineData("rw-------")]
    [InlineData("0444")]
    [InlineData("01777")]
    public void A_mode_that_is_not_octal_permissions_with_owner_write_is_refused_with_its_json_path(string mode)
    {
        var error = Assert.Throws<ConfigurationException>(() => UnixSocketFixture.Transport(("mode", mode)));

        Assert.Equal("plugins:ShareKit.Transport.UnixSocket:settings:mode", error.Path);
    }
}
