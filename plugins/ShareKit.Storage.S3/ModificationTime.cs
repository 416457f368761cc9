using System.Globalization;
using Amazon.S3.Model;

namespace ShareKit.Storage.S3;

/// <summary>
/// S3 cannot set an object's modification time, so ShareKit keeps it in the user metadata <c>x-amz-meta-mtime</c>
/// as Unix seconds with a fraction (the form rclone reads and writes too).
/// </summary>
internal static class ModificationTime
{
    public const string MetadataKey = "x-amz-meta-mtime";

    public static string Format(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    public static void Set(MetadataCollection metadata, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            metadata[MetadataKey] = Format(t);
        }
    }

    /// <summary>The stored time, else <paramref name="fallback"/> (the object's upload time).</summary>
    public static DateTimeOffset Read(MetadataCollection? metadata, DateTime? fallback)
    {
        var text = metadata?[MetadataKey];
        if (text is not null && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > -62_135_596_800m and < 253_402_300_799m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));
        }

        return Utc(fallback);
    }

    public static DateTimeOffset Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()) : DateTimeOffset.UnixEpoch;
}
