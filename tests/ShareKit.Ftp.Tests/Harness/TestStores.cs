using Microsoft.Extensions.Logging.Abstractions;
using ShareKit.Sdk;
using ShareKit.Storage.Local;

namespace ShareKit.Ftp.Tests;

/// <summary>Makes the store behind a test share: the real local store over a temp folder.</summary>
internal static class TestStores
{
    public static IFileStore Create(string root, string shareName) =>
        new LocalFileStore(new LocalStoreOptions { Root = root }, shareName, NullLoggerFactory.Instance);
}
