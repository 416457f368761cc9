using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3.Model;
using ShareKit.Testing;
using ShareKit.Testing.S3;

namespace ShareKit.Storage.S3.Tests;

/// <summary>
/// The real <c>sharekit serve</c> with a public-read share on S3, served by the <c>ftp</c> and <c>http-library</c>
/// services, reached with real clients (curl, HttpClient). Objects the tests read are put in the bucket before the
/// host starts: an S3 share cannot be watched, so its catalog sees later changes only at its periodic rescan.
/// </summary>
[Collection(RgwCollection.Name)]
public sealed class S3EndToEndTests(RgwFixture rgw) : IAsyncLifetime
{
    private const string UserName = "uploader";
    private const string UserPassword = "s3-e2e-secret";
    private readonly TempDirectory temp = new("sharekit-s3-e2e-");
    private readonly string prefix = RgwFixture.NewPrefix("e2e");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await rgw.DeletePrefixAsync(prefix);
        temp.Dispose();
    }

    [Fact]
    public async Task Ftp_retr_of_an_s3_object_is_byte_exact_and_rest_sends_the_tail_only()
    {
        var curl = ExternalTool.Require("curl", "curl");
        var content = RandomBytes(3 * 1024 * 1024 + 4321);
        await PutAsync("music/satie-gymnopedie.bin", content);
        await using var host = await StartHostAsync();
        var ftp = await ListenAddressAsync(host, "ftp", "ftp://");

        var whole = temp.Combine("whole.bin");
        await RunCurlAsync(curl, ["--fail", "-sS", "-o", whole, $"{ftp}/music/satie-gymnopedie.bin"]);
        Assert.Equal(content, await File.ReadAllBytesAsync(whole));

        const int offset = 1_000_003;
        var tail = temp.Combine("tail.bin");
        await RunCurlAsync(curl, ["--fail", "-sS", "--continue-at", offset.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", tail, $"{ftp}/music/satie-gymnopedie.bin"]);
        Assert.Equal(content.AsSpan(offset).ToArray(), await File.ReadAllBytesAsync(tail));
    }

    [Fact]
    public async Task Ftp_stor_becomes_an_s3_object_only_when_the_upload_completes()
    {
        var curl = ExternalTool.Require("curl", "curl");
        var content = RandomBytes(6 * 1024 * 1024 + 777);
        var source = temp.Combine("upload.bin");
        await File.WriteAllBytesAsync(source, content);
        await using var host = await StartHostAsync();
        var ftp = await ListenAddressAsync(host, "ftp", "ftp://");
        var key = $"{prefix}/incoming/upload.bin";
        var login = ftp.Replace("ftp://", $"ftp://{UserName}:{UserPassword}@", StringComparison.Ordinal);

        // Slowed so the first 5 MiB part is uploaded while the rest is still on its way.
        var upload = ProcessRunner.RunAsync(curl, ["--fail", "-sS", "--ftp-create-dirs", "--limit-rate", "1M", "-T", source, $"{login}/incoming/upload.bin"], TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(async () => upload.IsCompleted || (await rgw.ContentsAsync(prefix)).Uploads.Count > 0, TimeSpan.FromSeconds(60), "a multipart upload under the share's prefix");
        Assert.False(upload.IsCompleted, "curl finished before a part was seen in flight: " + (upload.IsCompleted ? (await upload).ToString() : string.Empty));
        Assert.False(await ExistsAsync(key), "the object is visible before the upload completed");

        var result = await upload;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(await ExistsAsync(key), "the object is not in the bucket after the upload");
        Assert.Empty((await rgw.ContentsAsync(prefix)).Uploads);

        var back = temp.Combine("back.bin");
        await RunCurlAsync(curl, ["--fail", "-sS", "-o", back, $"{login}/incoming/upload.bin"]);
        Assert.Equal(content, await File.ReadAllBytesAsync(back));
        using var stored = await rgw.Client.GetObjectAsync(RgwFixture.Bucket, key);
        using var copy = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Library_page_lists_downloads_ranges_and_searches_an_s3_share()
    {
        var content = RandomBytes(2 * 1024 * 1024 + 99);
        await PutAsync("books/Erik Satie - Memoirs of an Amnesiac.pdf", content);
        await using var host = await StartHostAsync();
        var web = await ListenAddressAsync(host, "http-library", "http://");
        using var http = new HttpClient { BaseAddress = new Uri(web), Timeout = TimeSpan.FromSeconds(60) };

        var page = await http.GetStringAsync("/browse/books/");
        Assert.Contains("Erik Satie - Memoirs of an Amnesiac", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        const string file = "/files/books/Erik%20Satie%20-%20Memoirs%20of%20an%20Amnesiac.pdf";
        Assert.Equal(content, await http.GetByteArrayAsync(file));

        using var ranged = new HttpRequestMessage(HttpMethod.Get, file);
        ranged.Headers.Range = new RangeHeaderValue(1_048_570, 1_048_570 + 99_999);
        using var partial = await http.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content.AsSpan(1_048_570, 100_000).ToArray(), await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(content.Length, partial.Content.Headers.ContentRange?.Length);

        using var beyond = new HttpRequestMessage(HttpMethod.Get, file);
        beyond.Headers.Range = new RangeHeaderValue(content.Length, null);
        using var unsatisfiable = await http.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);

        using var search = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=satie%20amnesiac"));
        var found = search.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains(found, p => p is not null && p.TrimStart('/') == "books/Erik Satie - Memoirs of an Amnesiac.pdf");
        Assert.Equal(content.Length, search.RootElement.GetProperty("entries")[0].GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_file_stored_by_ftp_reaches_the_library_page_at_the_next_rescan()
    {
        var curl = ExternalTool.Require("curl", "curl");
        var content = RandomBytes(1024 * 1024 + 5);
        var source = temp.Combine("gnossienne.bin");
        await File.WriteAllBytesAsync(source, content);
        await using var host = await StartHostAsync();
        var ftp = await ListenAddressAsync(host, "ftp", "ftp://");
        var web = await ListenAddressAsync(host, "http-library", "http://");
        using var http = new HttpClient { BaseAddress = new Uri(web), Timeout = TimeSpan.FromSeconds(60) };
        var login = ftp.Replace("ftp://", $"ftp://{UserName}:{UserPassword}@", StringComparison.Ordinal);

        await RunCurlAsync(curl, ["--fail", "-sS", "-T", source, $"{login}/gnossienne.bin"]);

        // An S3 share cannot be watched: its catalog finds new objects at the full rescan, once a minute.
        await Eventually.TrueAsync(
            async () => (await http.GetStringAsync("/api/search?q=gnossienne")).Contains("gnossienne.bin", StringComparison.Ordinal),
            TimeSpan.FromSeconds(150),
            "the uploaded file in the library's search");
        Assert.Equal(content, await http.GetByteArrayAsync("/files/gnossienne.bin"));
    }

    private async Task<HostProcess> StartHostAsync()
    {
        var json = $$"""
            {
              "node": { "name": "s3-e2e", "dataDirectory": "{{temp.Combine("data")}}" },
              "plugins": {
                "ShareKit.Storage.S3": { "enabled": true },
                "ShareKit.Ftp": { "enabled": true },
                "ShareKit.Http": { "enabled": true }
              },
              "shares": {
                "library": {
                  "storage": "s3", "access": "public-read",
                  "settings": {
                    "endpoint": "{{rgw.Rgw.Endpoint}}", "bucket": "{{RgwFixture.Bucket}}", "prefix": "{{prefix}}",
                    "accessKey": "{{CephRgw.AccessKey}}", "secretKey": "{{CephRgw.SecretKey}}", "partSizeMiB": "5"
                  }
                }
              },
              "services": {
                "ftp": {
                  "enabled": true,
                  "settings": {
                    "listen": "tcp://127.0.0.1:0", "shares": [ "library" ],
                    "users": [ { "name": "{{UserName}}", "passwordHash": "{{HashPassword(UserPassword)}}", "share": "library", "access": "read-write" } ]
                  }
                },
                "http-library": { "enabled": true, "settings": { "listen": "tcp://127.0.0.1:0", "share": "library" } }
              }
            }
            """;
        var config = temp.Combine("plugins.json");
        await File.WriteAllTextAsync(config, json);
        var host = HostProcess.Start(["serve", "--config", config, "--plugins-dir", RepoPaths.PluginsDirectory]);
        try
        {
            await host.WaitForLineAsync(l => l.Contains("ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The address a service bound (port 0 picks one), from serve's <c>service NAME on SCHEME…</c> line.</summary>
    private static async Task<string> ListenAddressAsync(HostProcess host, string service, string scheme)
    {
        var marker = $"service {service} on {scheme}";
        var line = await host.WaitForLineAsync(l => l.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var address = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length - scheme.Length)..];
        return address.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('/');
    }

    private async Task PutAsync(string path, byte[] content)
    {
        using var body = new MemoryStream(content);
        await rgw.Client.PutObjectAsync(new PutObjectRequest { BucketName = RgwFixture.Bucket, Key = $"{prefix}/{path}", InputStream = body });
    }

    private async Task<bool> ExistsAsync(string key)
    {
        var listed = await rgw.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = RgwFixture.Bucket, Prefix = key });
        return (listed.S3Objects ?? []).Any(o => o.Key == key);
    }

    private static async Task RunCurlAsync(string curl, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(curl, arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"curl {string.Join(' ', arguments)}: {result}");
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The FTP plugin's stored-password format (docs/ftp.md), made here as an operator would with Python.</summary>
    private static string HashPassword(string password)
    {
        const int iterations = 600_000;
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
