using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

/// <summary>Makes the store behind a test share.</summary>
internal static class TestStores
{
    public static IFileStore Create(string root, string staging) => new TemporaryDirectoryStore(root, staging);
}
