using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>A configured named user with its share resolved.</summary>
internal sealed record FtpUser(FtpUserOptions Options, IShare Share)
{
    public FtpFileSystem FileSystem() =>
        new([new FtpMount(Share.Name, Share.Store, Options.Access == FtpUserAccess.ReadWrite && Share.Store.Capabilities.HasFlag(StoreCapabilities.Write))]);
}
