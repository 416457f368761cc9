namespace ShareKit.Sdk;

/// <summary>Describes a plugin to the host and to people reading <c>sharekit plugins</c>.</summary>
/// <param name="Name">The plugin's name; by convention its assembly and folder name, e.g. <c>ShareKit.Transport.Tcp</c>.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="Description">One sentence saying what the plugin adds.</param>
/// <param name="SdkVersion">The SDK version the plugin was built against, normally <see cref="SdkInfo.Version"/>.</param>
public sealed record PluginInfo(string Name, Version Version, string Description, Version SdkVersion);
