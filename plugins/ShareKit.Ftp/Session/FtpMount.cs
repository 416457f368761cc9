using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>A share as one FTP login sees it: its name, its store, and whether this login may change it.</summary>
internal sealed record FtpMount(string Name, IFileStore Store, bool Writable);
