using ShareKit.Ftp;
using ShareKit.Ftp.Tests;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Interop.Tests.Ftp;

/// <summary>Starts the FTP service with a public library and a writable inbox (user <c>writer</c>/<c>pw</c>) for interop tests.</summary>
internal static class FtpInterop
{
    public static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    public static Task<FtpTestServer> StartAsync(Action<Dictionary<string, string?>>? more = null) =>
        FtpTestServer.StartAsync(
            s =>
            {
                s["users:0:name"] = "writer";
                s["users:0:passwordHash"] = FtpPasswordHasher.Hash("pw", iterations: 1000);
                s["users:0:share"] = "inbox";
                s["users:0:access"] = "read-write";
                more?.Invoke(s);
            },
            ("library", ShareAccess.PublicRead),
            ("inbox", ShareAccess.Private));

    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : ExternalTool.Require("python3", "python3");

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public static async Task<ProcessRunner.Result> RunAsync(string tool, string package, params string[] arguments)
    {
        var path = tool == "python3" ? Python : ExternalTool.Require(tool, package);
        var result = await ProcessRunner.RunAsync(path, arguments, ToolTimeout);
        Assert.True(result.ExitCode == 0, $"{tool} failed: {result}");
        return result;
    }
}
