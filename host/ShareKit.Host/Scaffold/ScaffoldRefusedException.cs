namespace ShareKit.Host.Scaffold;

/// <summary><c>new-plugin</c> will not generate: a bad name, an existing folder, no SDK to reference. Exit code 2.</summary>
internal sealed class ScaffoldRefusedException(string message) : Exception(message);
