using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ShareKit.Sdk;
using ShareKit.Testing.S3;

namespace ShareKit.Storage.S3.Tests;

/// <summary>One Ceph RGW with one bucket for the whole test run; each test class works under its own key prefix.</summary>
public sealed class RgwFixture : IAsyncLifetime
{
    public const string Bucket = "sharekit-tests";
    private CephRgw? rgw;
    private AmazonS3Client? client;

    public CephRgw Rgw => rgw ?? throw new InvalidOperationException("not started");

    /// <summary>A plain SDK client for looking behind the store's back (uploads, raw keys) and for cleaning up.</summary>
    public AmazonS3Client Client => client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        rgw = await CephRgw.StartAsync();
        client = new AmazonS3Client(new BasicAWSCredentials(CephRgw.AccessKey, CephRgw.SecretKey), new AmazonS3Config
        {
            ServiceURL = rgw.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        await client.PutBucketAsync(Bucket);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (rgw is not null)
        {
            await rgw.DisposeAsync();
        }
    }

    /// <summary>A fresh prefix no other test uses.</summary>
    public static string NewPrefix(string what) => $"{what}-{Guid.NewGuid():N}"[..Math.Min(what.Length + 13, 60)];

    public Dictionary<string, string?> Settings(string prefix, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["endpoint"] = Rgw.Endpoint.ToString(),
            ["bucket"] = Bucket,
            ["prefix"] = prefix,
            ["accessKey"] = CephRgw.AccessKey,
            ["secretKey"] = CephRgw.SecretKey,
            ["timeoutSeconds"] = "30",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public IFileStore CreateStore(string prefix, params (string Key, string Value)[] extra) => StoreFactory.Create(Settings(prefix, extra));

    /// <summary>Every key and every unfinished upload under <paramref name="prefix"/>.</summary>
    public async Task<(List<string> Keys, List<MultipartUpload> Uploads)> ContentsAsync(string prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix + "/" };
        for (var page = 0; page < 1000; page++)
        {
            var response = await Client.ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            if (response.IsTruncated != true)
            {
                break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }

        var uploads = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = prefix + "/" });
        return (keys, uploads.MultipartUploads ?? []);
    }

    /// <summary>Deletes everything the test left under <paramref name="prefix"/> (memstore keeps it all in RAM).</summary>
    public async Task DeletePrefixAsync(string prefix)
    {
        var (keys, uploads) = await ContentsAsync(prefix);
        foreach (var upload in uploads)
        {
            await Client.AbortMultipartUploadAsync(Bucket, upload.Key, upload.UploadId);
        }

        foreach (var batch in keys.Chunk(1000))
        {
            await Client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = Bucket, Objects = batch.Select(k => new KeyVersion { Key = k }).ToList() });
        }
    }
}
