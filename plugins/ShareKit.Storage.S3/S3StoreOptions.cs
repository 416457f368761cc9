using System.Globalization;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>The settings of one S3-backed share (<c>shares:&lt;name&gt;:settings</c>).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The smallest part S3 accepts in a multipart upload (except the last).</summary>
    public const int MinPartSizeMiB = 5;

    /// <summary>The largest part S3 accepts.</summary>
    public const int MaxPartSizeMiB = 5 * 1024;

    /// <summary>The S3 endpoint (e.g. <c>http://127.0.0.1:7480</c>); null means AWS itself, found from <see cref="Region"/>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The region the requests are signed for.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The bucket holding the share (it must exist).</summary>
    public string Bucket { get; init; } = string.Empty;

    /// <summary>The key prefix of the share inside the bucket: empty, or ending with <c>/</c>.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>The access key; null uses the standard AWS environment variables or profile.</summary>
    public string? AccessKey { get; init; }

    /// <summary>The secret key that goes with <see cref="AccessKey"/>.</summary>
    public string? SecretKey { get; init; }

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>) rather than a bucket host name; most self-hosted stores need it.</summary>
    public bool PathStyle { get; init; } = true;

    /// <summary>The multipart upload part size, and the most a writer holds in memory.</summary>
    public int PartSizeMiB { get; init; } = 16;

    /// <summary>How many parts of one write may be on their way to the store at once (each costs one part of memory).</summary>
    public int PartsInFlight { get; init; } = 2;

    /// <summary>Keys per listing request (S3 returns at most 1000).</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>How long one request, or one wait for data while reading, may take before it fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a failed request is retried by the SDK; null keeps the SDK's default.</summary>
    public int? Retries { get; init; }

    /// <summary>Objects larger than this are copied (moved) with a multipart copy; S3 copies at most 5 GiB in one request.</summary>
    public long MultipartCopyThreshold { get; init; } = 5L * 1024 * 1024 * 1024;

    /// <summary>When true the share cannot be written through ShareKit.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The part size in bytes.</summary>
    public int PartSize => PartSizeMiB * 1024 * 1024;

    /// <summary>Reads and checks the settings of the share in <paramref name="ctx"/>.</summary>
    /// <exception cref="ConfigurationException">A setting is missing or has a value that is not allowed.</exception>
    public static S3StoreOptions From(ComponentContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var settings = ctx.Settings;
        string Path(string key) => $"{ctx.SettingsPath}:{key}";

        Uri? endpoint = null;
        if (settings["endpoint"] is { Length: > 0 } endpointText
            && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new ConfigurationException(Path("endpoint"), $"'{endpointText}' is not allowed; use an http:// or https:// URL such as http://127.0.0.1:7480, or leave it out for AWS");
        }

        var bucket = settings["bucket"];
        if (string.IsNullOrWhiteSpace(bucket) || bucket.Contains('/', StringComparison.Ordinal))
        {
            throw new ConfigurationException(Path("bucket"), "the name of an existing bucket is required (without '/')");
        }

        var prefix = (settings["prefix"] ?? string.Empty).Trim('/');
        if (prefix.Length > 0 && !StorePath.TryParse(prefix, out _, out var prefixError))
        {
            throw new ConfigurationException(Path("prefix"), $"'{prefix}' is not allowed: {prefixError}");
        }

        var accessKey = settings["accessKey"];
        var secretKey = settings["secretKey"];
        if (string.IsNullOrEmpty(accessKey) != string.IsNullOrEmpty(secretKey))
        {
            throw new ConfigurationException(Path(string.IsNullOrEmpty(accessKey) ? "accessKey" : "secretKey"), "give both accessKey and secretKey, or neither (then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the AWS profile are used)");
        }

        var region = settings["region"] is { Length: > 0 } r ? r : "us-east-1";
        var retries = settings["retries"] is null ? (int?)null : Int(settings, "retries", Path, 0, 0, 20);
        return new S3StoreOptions
        {
            Endpoint = endpoint,
            Region = region,
            Bucket = bucket,
            Prefix = prefix.Length == 0 ? string.Empty : prefix + "/",
            AccessKey = string.IsNullOrEmpty(accessKey) ? null : accessKey,
            SecretKey = string.IsNullOrEmpty(secretKey) ? null : secretKey,
            PathStyle = Bool(settings, "pathStyle", Path, true),
            PartSizeMiB = Int(settings, "partSizeMiB", Path, 16, MinPartSizeMiB, MaxPartSizeMiB),
            PartsInFlight = Int(settings, "partsInFlight", Path, 2, 1, 16),
            ListPageSize = Int(settings, "listPageSize", Path, 1000, 1, 1000),
            Timeout = TimeSpan.FromSeconds(Int(settings, "timeoutSeconds", Path, 60, 1, 3600)),
            Retries = retries,
            MultipartCopyThreshold = Int(settings, "multipartCopyThresholdMiB", Path, 5120, MinPartSizeMiB, 5120) * 1024L * 1024,
            ReadOnly = Bool(settings, "readOnly", Path, false),
        };
    }

    private static int Int(Microsoft.Extensions.Configuration.IConfiguration settings, string key, Func<string, string> path, int fallback, int min, int max)
    {
        var text = settings[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException(path(key), $"'{text}' is not allowed; use a whole number from {min} to {max}");
    }

    private static bool Bool(Microsoft.Extensions.Configuration.IConfiguration settings, string key, Func<string, string> path, bool fallback)
    {
        var text = settings[key];
        if (text is null)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value) ? value : throw new ConfigurationException(path(key), $"'{text}' is not allowed; use true or false");
    }
}
