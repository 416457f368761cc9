using ShareKit.Sdk;

namespace ShareKit.Storage.S3.Tests;

/// <summary>Settings are checked when the share is made, with the JSON path of the bad value.</summary>
public sealed class S3StoreOptionsTests
{
    [Theory]
    [InlineData("bucket", null, "shares:test:settings:bucket")]
    [InlineData("partSizeMiB", "4", "shares:test:settings:partSizeMiB")]
    [InlineData("endpoint", "ftp://x", "shares:test:settings:endpoint")]
    [InlineData("listPageSize", "1001", "shares:test:settings:listPageSize")]
    [InlineData("partsInFlight", "0", "shares:test:settings:partsInFlight")]
    [InlineData("pathStyle", "yes", "shares:test:settings:pathStyle")]
    [InlineData("secretKey", null, "shares:test:settings:secretKey")]
    public void Bad_settings_name_their_path(string key, string? value, string path)
    {
        var settings = new Dictionary<string, string?>
        {
            ["endpoint"] = "http://127.0.0.1:1",
            ["bucket"] = "b",
            ["accessKey"] = "a",
            ["secretKey"] = "s",
        };
        settings[key] = value;
        var error = Assert.Throws<ConfigurationException>(() => StoreFactory.Create(settings));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Defaults_are_path_style_us_east_1_and_16_MiB_parts()
    {
        var store = Assert.IsType<S3FileStore>(StoreFactory.Create(new() { ["bucket"] = "b", ["prefix"] = "/shares/music/" }));
        Assert.True(store.Options.PathStyle);
        Assert.Equal("us-east-1", store.Options.Region);
        Assert.Equal(16, store.Options.PartSizeMiB);
        Assert.Equal("shares/music/", store.Options.Prefix);
        Assert.Equal(StoreCapabilities.Write | StoreCapabilities.ResumableWrites | StoreCapabilities.PreservesModificationTime, store.Capabilities);
    }
}
