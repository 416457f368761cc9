using System.Net;
using Makaretu.Dns;

namespace ShareKit.Discovery.Mdns;

/// <summary>A message to send: multicast on one interface, on every interface (<see cref="Interface"/> null), or unicast.</summary>
internal readonly record struct Outgoing(Message Message, LocalInterface? Interface, IPEndPoint? Unicast = null);
