using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ShareKit.Host.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Host.Plugins;

/// <summary>
/// Loads each configured plugin from <c>&lt;pluginsDirectory&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c> with its own
/// McMaster <see cref="PluginLoader"/>, sharing the SDK and Microsoft.Extensions abstractions with the host.
/// A broken plugin is reported with its reason and skipped; it never stops the others.
/// </summary>
internal sealed partial class PluginLoading(string pluginsDirectory, ILogger logger)
{
    /// <summary>Types whose assemblies come from the host, so a plugin's ILogger/IConfiguration are the host's.</summary>
    private static readonly Type[] SharedTypes =
    [
        typeof(IShareKitPlugin),
        typeof(IConfiguration),
        typeof(ILogger),
        typeof(ILoggerFactory),
    ];

    /// <summary>The default plugins folder: <c>plugins/</c> beside the host binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    public (IReadOnlyList<PluginStatus> Statuses, ComponentRegistry Registry) LoadAll(IReadOnlyList<PluginSettings> plugins)
    {
        var registry = new ComponentRegistry();
        var statuses = new List<PluginStatus>();
        foreach (var plugin in plugins)
        {
            var status = plugin.Enabled
                ? Load(plugin.Name, registry)
                : new PluginStatus(plugin.Name, null, null, PluginState.Disabled, "disabled in plugins.json", []);
            if (status.State is PluginState.Failed or PluginState.Incompatible)
            {
                LogPluginNotLoaded(logger, status.Name, status.State, status.Reason);
            }

            statuses.Add(status);
        }

        return (statuses, registry);
    }

    private PluginStatus Load(string name, ComponentRegistry registry)
    {
        var folder = Path.Combine(pluginsDirectory, name);
        var assemblyFile = Path.Combine(folder, name + ".dll");
        if (!Directory.Exists(folder))
        {
            return Failed(name, $"its folder {folder} does not exist");
        }

        if (!File.Exists(assemblyFile))
        {
            return Failed(name, $"{assemblyFile} does not exist");
        }

        IShareKitPlugin plugin;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyFile, SharedTypes, config => config.PreferSharedTypes = true);
            var entryTypes = loader.LoadDefaultAssembly().GetExportedTypes()
                .Where(t => typeof(IShareKitPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (entryTypes.Count != 1)
            {
                return Failed(name, entryTypes.Count == 0
                    ? $"{name}.dll has no public class implementing IShareKitPlugin"
                    : $"{name}.dll has {entryTypes.Count} classes implementing IShareKitPlugin; exactly one is allowed");
            }

            plugin = (IShareKitPlugin)Activator.CreateInstance(entryTypes[0])!;
        }
        catch (BadImageFormatException)
        {
            return Failed(name, $"{assemblyFile} is not a valid .NET assembly (corrupt or wrong file)");
        }
        catch (TargetInvocationException e)
        {
            return Failed(name, $"its constructor threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or TypeLoadException or ReflectionTypeLoadException or MissingMethodException)
        {
            return Failed(name, $"it could not be loaded: {e.Message}");
        }

        return Register(name, plugin, registry);
    }

    private static PluginStatus Register(string name, IShareKitPlugin plugin, ComponentRegistry registry)
    {
        PluginInfo info;
        try
        {
            info = plugin.Info;
        }
        catch (Exception e)
        {
            return Failed(name, $"its Info threw {e.GetType().Name}: {e.Message}");
        }

        if (info.SdkVersion.Major != SdkInfo.Version.Major)
        {
            return new PluginStatus(name, info.Version.ToString(), info.Description, PluginState.Incompatible,
                $"it targets SDK {info.SdkVersion}, this host implements SDK {SdkInfo.Version} (the major versions must match)", []);
        }

        var recording = new RecordingRegistry(name);
        try
        {
            plugin.Register(recording);
            registry.AddAll(recording.Recorded);
        }
        catch (Exception e)
        {
            return new PluginStatus(name, info.Version.ToString(), info.Description, PluginState.Failed,
                $"Register threw {e.GetType().Name}: {e.Message}", []);
        }

        var components = recording.Recorded.Select(r => ComponentRegistry.Describe(r.Kind, r.Name).Replace("'", string.Empty, StringComparison.Ordinal)).ToList();
        return new PluginStatus(name, info.Version.ToString(), info.Description, PluginState.Loaded, null, components);
    }

    private static PluginStatus Failed(string name, string reason) => new(name, null, null, PluginState.Failed, reason, []);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} was not loaded ({State}): {Reason}")]
    private static partial void LogPluginNotLoaded(ILogger logger, string plugin, PluginState state, string? reason);
}
