namespace ShareKit.Sdk;

/// <summary>The version of the SDK contracts. The host refuses plugins that target another major version.</summary>
public static class SdkInfo
{
    /// <summary>The SDK version this assembly implements (SemVer: a major change breaks plugins, a minor only adds).</summary>
    public static Version Version { get; } = new(1, 1, 0);
}
