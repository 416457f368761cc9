using System.IO.Compression;
using System.Xml.Linq;
using ShareKit.Sdk;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Scaffold;

public sealed class SdkPackageTests : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-pack-");

    [Fact]
    public async Task Dotnet_pack_makes_the_sdk_package_with_xml_docs_and_the_readme_at_the_sdk_version()
    {
        var project = Path.Combine(RepoPaths.Root, "sdk", "ShareKit.Sdk", "ShareKit.Sdk.csproj");

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["pack", project, "--no-build", "-c", RepoPaths.Configuration, "-o", temp.Path, "-nologo", "-nodeReuse:false"],
            TimeSpan.FromMinutes(5),
            environment: new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" });

        Assert.True(result.ExitCode == 0, result.ToString());
        var package = temp.Combine($"ShareKit.Sdk.{SdkInfo.Version.ToString(3)}.nupkg");
        Assert.True(File.Exists(package), $"expected {package}\n{result}");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/ShareKit.Sdk.dll", entries);
        Assert.Contains("lib/net10.0/ShareKit.Sdk.xml", entries);
        Assert.Contains("README.md", entries);

        using var nuspecStream = zip.GetEntry("ShareKit.Sdk.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        Assert.Equal(SdkInfo.Version.ToString(3), metadata.Elements().Single(e => e.Name.LocalName == "version").Value);

        using var docs = new StreamReader(zip.GetEntry("lib/net10.0/ShareKit.Sdk.xml")!.Open());
        Assert.Contains("T:ShareKit.Sdk.ITransport", await docs.ReadToEndAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
