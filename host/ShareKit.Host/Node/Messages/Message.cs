using System.Text.Json.Serialization;

namespace ShareKit.Host.Node.Messages;

/// <summary>A message on the control channel; the JSON property <c>type</c> names its kind (see docs/protocol.md).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Hello), "hello")]
[JsonDerivedType(typeof(Offer), "offer")]
[JsonDerivedType(typeof(Decision), "decision")]
[JsonDerivedType(typeof(ItemResult), "itemResult")]
[JsonDerivedType(typeof(Cancel), "cancel")]
[JsonDerivedType(typeof(Error), "error")]
[JsonDerivedType(typeof(DataConnect), "data")]
public abstract record Message;
