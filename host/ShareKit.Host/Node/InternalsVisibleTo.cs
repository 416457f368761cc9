using System.Runtime.CompilerServices;

// The protocol tests speak the wire format directly (hostile offers, damaged data records).
[assembly: InternalsVisibleTo("ShareKit.Node.Tests")]
