using System.Xml.Linq;
using ShareKit.Host.Plugins;
using ShareKit.Host.Scaffold;
using ShareKit.Testing;

namespace ShareKit.Host.Tests.Scaffold;

public sealed class TemplateRenderingTests : IDisposable
{
    private readonly FakeCheckout checkout = new();
    private readonly TempDirectory outside = new("sharekit-render-");

    public static TheoryData<string, bool> KindsAndLayouts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var kind in new[] { "transport", "discovery", "storage", "layer", "service" })
        {
            data.Add(kind, true);
            data.Add(kind, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLayouts))]
    public void Every_kind_renders_in_both_layouts_with_valid_project_files_and_nothing_left_unrendered(string kind, bool inRepository)
    {
        var model = Model("Acme.Thing.Widget", kind, inRepository);

        var files = PluginScaffolder.Generate(model);

        Assert.Contains(model.PluginProjectPath, files);
        Assert.Contains(model.TestsProjectPath, files);
        Assert.Contains(files, f => f.EndsWith("WidgetPlugin.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("README.md", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            if (file.EndsWith(".csproj", StringComparison.Ordinal))
            {
                XDocument.Parse(text);
            }
        }

        Assert.Equal(inRepository, !files.Any(f => f.EndsWith("plugins.json", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_stand_alone_plugin_references_the_sdk_without_shipping_it_and_builds_into_a_loadable_folder()
    {
        var project = XDocument.Load(Generated(Model("Acme.Thing.Widget", "transport", false, SdkReferenceMode.Project)).PluginProjectPath);
        var package = XDocument.Load(Generated(Model("Acme.Other.Widget", "transport", false, SdkReferenceMode.Package)).PluginProjectPath);

        var sdkProject = project.Descendants("ProjectReference").Single();
        Assert.Equal(checkout.Combine("sdk", "ShareKit.Sdk", "ShareKit.Sdk.csproj"), sdkProject.Attribute("Include")?.Value);
        Assert.Equal("false", sdkProject.Attribute("Private")?.Value);
        Assert.Equal("runtime", sdkProject.Attribute("ExcludeAssets")?.Value);
        var sdkPackage = package.Descendants("PackageReference").Single(e => e.Attribute("Include")?.Value == "ShareKit.Sdk");
        Assert.Equal("runtime", sdkPackage.Attribute("ExcludeAssets")?.Value);
        foreach (var document in new[] { project, package })
        {
            Assert.Equal("true", document.Descendants("EnableDynamicLoading").Single().Value);
            Assert.EndsWith("artifacts/plugins/$(MSBuildProjectName)/", document.Descendants("OutputPath").Single().Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Inside_a_checkout_the_tests_reference_the_conformance_kit_and_the_plugin_by_relative_paths()
    {
        var model = Generated(Model("Acme.Thing.Widget", "transport", true));

        var tests = XDocument.Load(model.TestsProjectPath);

        Assert.Equal(
            ["../ShareKit.Conformance/ShareKit.Conformance.csproj", "../../plugins/Acme.Thing.Widget/Acme.Thing.Widget.csproj"],
            tests.Descendants("ProjectReference").Select(e => e.Attribute("Include")?.Value));
    }

    [Fact]
    public void The_component_name_comes_from_the_last_segment_without_the_kind_word()
    {
        Assert.Equal(("UnixSocket", "unixsocket"), PrefixAndComponent("ShareKit.Transport.UnixSocket", "transport"));
        Assert.Equal(("Carrier", "carrier"), PrefixAndComponent("Acme.CarrierTransport", "transport"));
        Assert.Equal(("Transport", "transport"), PrefixAndComponent("Acme.Transport", "transport"));
        Assert.Equal(("Cold_Store", "cold-store"), PrefixAndComponent("Acme.Cold_StoreService", "service"));
    }

    public void Dispose()
    {
        checkout.Dispose();
        outside.Dispose();
    }

    private static PluginModel Generated(PluginModel model)
    {
        PluginScaffolder.Generate(model);
        return model;
    }

    private (string, string) PrefixAndComponent(string name, string kind)
    {
        var model = Model(name, kind, false);
        return (model.Prefix, model.ComponentName);
    }

    private PluginModel Model(string name, string kind, bool inRepository, SdkReferenceMode sdk = SdkReferenceMode.Project)
    {
        Assert.True(PluginName.TryParse(name, out var parsed, out var error), error);
        var layout = inRepository
            ? ScaffoldLayout.Decide(parsed, null, null, checkout.Root, checkout.Root)
            : ScaffoldLayout.Decide(parsed, outside.Combine(name), sdk, outside.Path, checkout.Root);
        return new PluginModel(parsed, PluginScaffolder.ParseKind(kind), layout);
    }
}
