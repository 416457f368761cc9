using ShareKit.Host.Configuration;
using ShareKit.Sdk;

namespace ShareKit.Host.Runtime;

/// <summary>A configured share with its store.</summary>
internal sealed record Share(string Name, ShareAccess Access, IFileStore Store, ShareSettings Settings) : IShare;
