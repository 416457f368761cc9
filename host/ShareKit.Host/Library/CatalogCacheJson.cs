using System.Text.Json.Serialization;

namespace ShareKit.Host.Library;

/// <summary>Source-generated JSON for the catalog cache file.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CatalogCacheDocument))]
internal sealed partial class CatalogCacheJson : JsonSerializerContext;
