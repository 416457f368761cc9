using ShareKit.Host.Plugins;

namespace ShareKit.Host.Scaffold;

/// <summary>The templates that make a plugin of each kind (the embedded <c>Templates/*.scriban</c> files).</summary>
internal static class TemplateCatalog
{
    private static readonly TemplateFile[] Common =
    [
        new("common.PluginProject.csproj", ScaffoldTarget.Plugin, "{Name}.csproj"),
        new("common.PluginEntry.cs", ScaffoldTarget.Plugin, "{Prefix}Plugin.cs"),
        new("common.TestsProject.csproj", ScaffoldTarget.Tests, "{Name}.Tests.csproj"),
    ];

    private static readonly TemplateFile[] StandAloneOnly =
    [
        new("common.plugins.json", ScaffoldTarget.Root, "plugins.json"),
        new("common.gitignore", ScaffoldTarget.Root, ".gitignore"),
    ];

    public const string Readme = "common.README.md";

    public static IReadOnlyList<TemplateFile> For(ComponentKind kind, bool inRepository) =>
        [.. Common, .. ForKind(kind), .. inRepository ? [] : StandAloneOnly];

    private static TemplateFile[] ForKind(ComponentKind kind) => kind switch
    {
        ComponentKind.Transport =>
        [
            new("transport.Transport.cs", ScaffoldTarget.Plugin, "{Prefix}Transport.cs"),
            new("transport.TransportOptions.cs", ScaffoldTarget.Plugin, "{Prefix}TransportOptions.cs"),
            new("transport.Listener.cs", ScaffoldTarget.Plugin, "{Prefix}Listener.cs"),
            new("transport.SocketConnection.cs", ScaffoldTarget.Plugin, "SocketConnection.cs"),
            new("transport.SocketErrors.cs", ScaffoldTarget.Plugin, "SocketErrors.cs"),
            new("transport.ConformanceTests.cs", ScaffoldTarget.Tests, "{Prefix}TransportConformanceTests.cs"),
        ],
        ComponentKind.Storage =>
        [
            new("storage.Store.cs", ScaffoldTarget.Plugin, "{Prefix}Store.cs"),
            new("storage.StoreOptions.cs", ScaffoldTarget.Plugin, "{Prefix}StoreOptions.cs"),
            new("storage.StagedWrite.cs", ScaffoldTarget.Plugin, "{Prefix}StagedWrite.cs"),
            new("storage.ConformanceTests.cs", ScaffoldTarget.Tests, "{Prefix}StoreConformanceTests.cs"),
        ],
        ComponentKind.Layer =>
        [
            new("layer.Layer.cs", ScaffoldTarget.Plugin, "{Prefix}Layer.cs"),
            new("layer.LayeredConnection.cs", ScaffoldTarget.Plugin, "{Prefix}Connection.cs"),
            new("layer.LayerTests.cs", ScaffoldTarget.Tests, "{Prefix}LayerTests.cs"),
            new("layer.PipeConnection.cs", ScaffoldTarget.Tests, "PipeConnection.cs"),
        ],
        ComponentKind.Discovery =>
        [
            new("discovery.Discovery.cs", ScaffoldTarget.Plugin, "{Prefix}Discovery.cs"),
            new("discovery.DiscoveryOptions.cs", ScaffoldTarget.Plugin, "{Prefix}DiscoveryOptions.cs"),
            new("discovery.DiscoveryTests.cs", ScaffoldTarget.Tests, "{Prefix}DiscoveryTests.cs"),
        ],
        ComponentKind.Service =>
        [
            new("service.Service.cs", ScaffoldTarget.Plugin, "{Prefix}Service.cs"),
            new("service.ServiceOptions.cs", ScaffoldTarget.Plugin, "{Prefix}ServiceOptions.cs"),
            new("service.ServiceTests.cs", ScaffoldTarget.Tests, "{Prefix}ServiceTests.cs"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a plugin kind"),
    };
}
