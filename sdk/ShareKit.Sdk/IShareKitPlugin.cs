namespace ShareKit.Sdk;

/// <summary>
/// The entry point of a plugin assembly. The host creates exactly one instance per plugin (it needs a public
/// parameterless constructor) and calls <see cref="Register"/> once, before any component is created.
/// </summary>
public interface IShareKitPlugin
{
    /// <summary>Name, version, description and the SDK version this plugin targets.</summary>
    PluginInfo Info { get; }

    /// <summary>Adds the plugin's component factories. Must not start work, open sockets or touch files.</summary>
    /// <param name="registry">Where the factories go.</param>
    void Register(IPluginRegistry registry);
}
