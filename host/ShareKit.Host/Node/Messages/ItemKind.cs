using System.Text.Json.Serialization;

namespace ShareKit.Host.Node.Messages;

/// <summary>What an offered item is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemKind>))]
public enum ItemKind
{
    /// <summary>A regular file with content.</summary>
    File,

    /// <summary>A folder (sent so that empty folders arrive too).</summary>
    Dir,
}
