using System.Text.Json.Serialization;

namespace ShareKit.Host.Node.Messages;

/// <summary>How one item ended on the receiver.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    /// <summary>Received, verified and committed (or the folder exists).</summary>
    Ok,

    /// <summary>The receiver will not take it (e.g. its name exists and the share refuses clashes).</summary>
    Refused,

    /// <summary>It was taken but did not arrive intact; nothing was committed.</summary>
    Failed,
}
