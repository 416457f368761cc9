using ShareKit.Testing;

namespace ShareKit.Host.Tests.Scaffold;

/// <summary>A folder that looks like a ShareKit checkout (ShareKit.sln and the SDK project file), for layout decisions.</summary>
internal sealed class FakeCheckout : IDisposable
{
    private readonly TempDirectory temp = new("sharekit-checkout-");

    public FakeCheckout()
    {
        temp.WriteFile("ShareKit.sln", []);
        temp.WriteFile("sdk/ShareKit.Sdk/ShareKit.Sdk.csproj", "<Project />"u8.ToArray());
        Directory.CreateDirectory(temp.Combine("plugins"));
        Directory.CreateDirectory(temp.Combine("tests"));
    }

    public string Root => temp.Path;

    public string Combine(params string[] parts) => temp.Combine(parts);

    public void Dispose() => temp.Dispose();
}
