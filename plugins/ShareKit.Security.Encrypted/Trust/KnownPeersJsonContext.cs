using System.Text.Json.Serialization;

namespace ShareKit.Security.Encrypted.Trust;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KnownPeersDocument))]
internal sealed partial class KnownPeersJsonContext : JsonSerializerContext;
