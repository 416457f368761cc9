using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShareKit.Http.Api;

/// <summary>Source-generated JSON for the API: camelCase, nulls written (a missing hash is news).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiPage))]
[JsonSerializable(typeof(ApiEntry))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class ApiJson : JsonSerializerContext;
