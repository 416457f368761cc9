using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>The configuration needs a component that no loaded plugin provides (exit code 2).</summary>
internal sealed class MissingComponentException(string message) : ConfigurationException("plugins", message);
