namespace ShareKit.Security.Tests.Support;

/// <summary>What the middlebox does to the initiator's records.</summary>
public enum Fault
{
    None,
    FlipByte,
    DropRecord,
    ReplayRecord,
    ReorderTwo,
    Truncate,
}
