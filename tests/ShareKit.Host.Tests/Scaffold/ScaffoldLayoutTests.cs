using ShareKit.Host.Scaffold;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Scaffold;

public sealed class ScaffoldLayoutTests : IDisposable
{
    private static readonly PluginName Name = Parse("Acme.Transport.Carrier");
    private readonly FakeCheckout checkout = new();
    private readonly TempDirectory outside = new("sharekit-outside-");

    [Fact]
    public void Inside_a_checkout_the_plugin_goes_to_plugins_and_its_tests_to_tests_referencing_the_sdk_project()
    {
        var layout = ScaffoldLayout.Decide(Name, null, null, checkout.Combine("docs"), outside.Path);

        Assert.True(layout.InRepository);
        Assert.Equal(SdkReferenceMode.Project, layout.Sdk);
        Assert.Equal(checkout.Combine("plugins", "Acme.Transport.Carrier"), layout.PluginDirectory);
        Assert.Equal(checkout.Combine("tests", "Acme.Transport.Carrier.Tests"), layout.TestsDirectory);
    }

    [Fact]
    public void Outside_a_checkout_everything_goes_in_one_new_folder_and_the_sdk_is_a_package_by_default()
    {
        var layout = ScaffoldLayout.Decide(Name, "carrier", null, outside.Path, outside.Path);

        Assert.False(layout.InRepository);
        Assert.Equal(SdkReferenceMode.Package, layout.Sdk);
        Assert.Equal(outside.Combine("carrier"), layout.Root);
        Assert.Equal(outside.Combine("carrier", "Acme.Transport.Carrier"), layout.PluginDirectory);
        Assert.Equal(outside.Combine("carrier", "Acme.Transport.Carrier.Tests"), layout.TestsDirectory);
    }

    [Fact]
    public void Outside_a_checkout_sdk_project_references_the_checkout_the_program_runs_from()
    {
        var layout = ScaffoldLayout.Decide(Name, "carrier", SdkReferenceMode.Project, outside.Path, checkout.Combine("host", "bin"));

        Assert.Equal(SdkReferenceMode.Project, layout.Sdk);
        Assert.Equal(checkout.Root, layout.Checkout?.Root);
    }

    [Fact]
    public void Sdk_project_without_any_checkout_is_refused()
    {
        var error = Assert.Throws<ScaffoldRefusedException>(() => ScaffoldLayout.Decide(Name, "carrier", SdkReferenceMode.Project, outside.Path, outside.Path));

        Assert.Contains("use --sdk package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_folder_is_refused_even_when_empty()
    {
        Directory.CreateDirectory(outside.Combine("carrier"));

        var error = Assert.Throws<ScaffoldRefusedException>(() => ScaffoldLayout.Decide(Name, "carrier", null, outside.Path, outside.Path));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_a_checkout_an_existing_tests_folder_is_refused_too()
    {
        Directory.CreateDirectory(checkout.Combine("tests", "Acme.Transport.Carrier.Tests"));

        var error = Assert.Throws<ScaffoldRefusedException>(() => ScaffoldLayout.Decide(Name, null, null, checkout.Root, outside.Path));

        Assert.Contains("Acme.Transport.Carrier.Tests already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_a_checkout_another_folder_or_the_package_sdk_is_refused_saying_where_plugins_go()
    {
        var elsewhere = Assert.Throws<ScaffoldRefusedException>(() => ScaffoldLayout.Decide(Name, "docs/carrier", null, checkout.Root, outside.Path));
        var package = Assert.Throws<ScaffoldRefusedException>(() => ScaffoldLayout.Decide(Name, null, SdkReferenceMode.Package, checkout.Root, outside.Path));

        Assert.Contains("a plugin lives in plugins/Acme.Transport.Carrier", elsewhere.Message, StringComparison.Ordinal);
        Assert.Contains("use --sdk project", package.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        checkout.Dispose();
        outside.Dispose();
    }

    private static PluginName Parse(string text) => PluginName.TryParse(text, out var name, out var error) ? name : throw new InvalidOperationException(error);
}
