using ShareKit.Testing;

namespace ShareKit.Node.Tests.Support;

/// <summary>A tiny tmpfs the test mounts itself, to fill a share's disk for real (needs root, as tests/run.sh runs).</summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private readonly string mountPoint;

    private SmallDisk(string mountPoint) => this.mountPoint = mountPoint;

    public static async Task<SmallDisk> MountAsync(string mountPoint, string size)
    {
        if (!ExternalTool.IsRoot)
        {
            throw new Xunit.Sdk.XunitException("The full-disk test mounts a small tmpfs and needs root; run it as root (tests/run.sh does).");
        }

        Directory.CreateDirectory(mountPoint);
        var mount = ExternalTool.Require("mount", "mount");
        var result = await ProcessRunner.RunAsync(mount, ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", mountPoint], TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"mount failed: {result}");
        return new SmallDisk(mountPoint);
    }

    public async ValueTask DisposeAsync()
    {
        var umount = ExternalTool.Require("umount", "mount");
        await ProcessRunner.RunAsync(umount, ["-l", mountPoint], TimeSpan.FromSeconds(30));
    }
}
