using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Trust;
using ShareKit.Testing;

namespace ShareKit.Security.Tests.Trust;

public sealed class KnownPeersTests
{
    private static readonly byte[] KeyA = Enumerable.Repeat((byte)1, 32).ToArray();

    [Fact]
    public void Pin_is_kept_in_an_owner_only_file_and_forget_removes_it()
    {
        using var directory = new TempDirectory();
        var peers = new KnownPeers(directory.Path);
        var id = NodeId.NewRandom();

        peers.Pin(id, "carol", KeyA);

        Assert.True(new KnownPeers(directory.Path).IsPinned(id, KeyA));
        Assert.False(peers.IsPinned(id, new byte[32]));
        Assert.Equal("carol", peers.Find(id)!.Name);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(peers.FilePath));
        }

        Assert.True(peers.Forget(id));
        Assert.False(peers.IsPinned(id, KeyA));
        Assert.False(peers.Forget(id));
    }

    [Fact]
    public void A_damaged_file_is_reported_with_its_path_not_overwritten()
    {
        using var directory = new TempDirectory();
        var path = directory.WriteFile(KnownPeers.FileName, "{ not json"u8.ToArray());
        var peers = new KnownPeers(directory.Path);

        var error = Assert.Throws<TrustException>(() => peers.Pin(NodeId.NewRandom(), "x", KeyA));

        Assert.Contains(path, error.Message);
        Assert.Equal("{ not json", File.ReadAllText(path));
    }

    [Fact]
    public void Accepting_an_unknown_fingerprint_changes_nothing()
    {
        using var directory = new TempDirectory();
        var peers = new KnownPeers(directory.Path);

        Assert.False(peers.Accept("AAAA-BBBB"));
        Assert.Empty(peers.Pinned);
    }
}
