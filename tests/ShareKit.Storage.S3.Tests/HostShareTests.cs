using ShareKit.Testing;

namespace ShareKit.Storage.S3.Tests;

/// <summary>
/// The real <c>sharekit</c> host loads the S3 plugin (with the AWS SDK in its own plugin folder) and makes an
/// S3-backed share from plugins.json, as any share: <c>"storage": "s3"</c>.
/// </summary>
[Collection(RgwCollection.Name)]
public sealed class HostShareTests(RgwFixture rgw) : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-s3-host-");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Serve_makes_an_s3_share_from_plugins_json()
    {
        var config = WriteConfig($$"""
            "endpoint": "{{rgw.Rgw.Endpoint}}", "bucket": "{{RgwFixture.Bucket}}", "prefix": "host-share",
            "accessKey": "{{Testing.S3.CephRgw.AccessKey}}", "secretKey": "{{Testing.S3.CephRgw.SecretKey}}"
            """);
        await using var host = HostProcess.Start(["serve", "--config", config, "--plugins-dir", RepoPaths.PluginsDirectory]);

        await host.WaitForLineAsync(l => l.Contains("ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(host.StandardError.Concat(host.StandardOutput), l => l.Contains($"Share library stores its files in bucket {RgwFixture.Bucket} under 'host-share/'", StringComparison.Ordinal));
        Assert.Contains(host.StandardError.Concat(host.StandardOutput), l => l.Contains("share library", StringComparison.Ordinal));
        host.Signal(15);
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Serve_refuses_a_bad_s3_setting_and_names_it()
    {
        var config = WriteConfig("""
            "endpoint": "http://127.0.0.1:9", "bucket": "b", "partSizeMiB": "2"
            """);
        await using var host = HostProcess.Start(["serve", "--config", config, "--plugins-dir", RepoPaths.PluginsDirectory]);

        var exit = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exit);
        Assert.Contains("shares:library:settings:partSizeMiB", host.AllOutput, StringComparison.Ordinal);
    }

    private string WriteConfig(string shareSettings)
    {
        var json = $$"""
            {
              "node": { "name": "s3-node", "dataDirectory": "{{temp.Combine("data")}}" },
              "plugins": { "ShareKit.Storage.S3": { "enabled": true } },
              "shares": { "library": { "storage": "s3", "access": "public-read", "settings": { {{shareSettings}} } } }
            }
            """;
        var path = temp.Combine("plugins.json");
        File.WriteAllText(path, json);
        return path;
    }
}
