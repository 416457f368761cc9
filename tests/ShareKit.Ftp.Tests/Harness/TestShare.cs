using ShareKit.Sdk;

namespace ShareKit.Ftp.Tests;

internal sealed record TestShare(string Name, ShareAccess Access, IFileStore Store) : IShare;
