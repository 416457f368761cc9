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
[JsonDerivedType(typeof(Browse), "browse")]
[JsonDerivedType(typeof(Search), "search")]
[JsonDerivedType(typeof(Listing), "listing")]
[JsonDerivedType(typeof(Fetch), "fetch")]
[JsonDerivedType(typeof(FileStart), "file")]
[JsonDerivedType(typeof(FileEnd), "fileEnd")]
public abstract record Message;
