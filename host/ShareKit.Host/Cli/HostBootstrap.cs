using System.CommandLine;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Configuration;
using ShareKit.Host.Plugins;
using ShareKit.Host.Runtime;
using ShareKit.Sdk;

namespace ShareKit.Host.Cli;

/// <summary>What every verb needs first: the configuration read and validated, the plugins loaded, logging set up.</summary>
internal sealed class HostBootstrap : IDisposable
{
    private HostBootstrap(HostSettings settings, ILoggerFactory loggerFactory, IReadOnlyList<PluginStatus> plugins, ComponentRegistry registry)
    {
        Settings = settings;
        LoggerFactory = loggerFactory;
        Plugins = plugins;
        Registry = registry;
    }

    public HostSettings Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    public IReadOnlyList<PluginStatus> Plugins { get; }

    public ComponentRegistry Registry { get; }

    /// <summary>Reads configuration and loads plugins for the verb being run.</summary>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    public static HostBootstrap Start(ParseResult parse, IReadOnlyList<string> overrides)
    {
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        var file = ConfigurationSources.ResolveFile(parse.GetValue(GlobalOptions.Config));
        var settings = SettingsReader.Read(ConfigurationSources.Build(file, overrides), file);
        var loggerFactory = Logging.Create(verbose);
        try
        {
            var pluginsDirectory = parse.GetValue(GlobalOptions.PluginsDirectory) is { Length: > 0 } dir
                ? Path.GetFullPath(dir)
                : PluginLoading.DefaultDirectory;
            var loading = new PluginLoading(pluginsDirectory, loggerFactory.CreateLogger("ShareKit.Plugins"));
            var (statuses, registry) = loading.LoadAll(settings.Plugins);
            return new HostBootstrap(settings, loggerFactory, statuses, registry);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>Makes the node's components (creating the data directory and node id on first run).</summary>
    public NodeComponents ComposeNode()
    {
        Directory.CreateDirectory(Settings.Node.DataDirectory);
        var identity = new NodeIdentity(NodeIdentityFile.LoadOrCreate(Settings.Node.DataDirectory), Settings.Node.Name);
        return new NodeComponents(Settings, Registry, Plugins, identity, LoggerFactory);
    }

    public void Dispose() => LoggerFactory.Dispose();
}
