namespace ShareKit.Host.Node.Messages;

/// <summary>Either side: the session ends because of <paramref name="Message"/>, written for a person.</summary>
/// <param name="Code">A stable code for programs (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">What went wrong, readable by a person.</param>
public sealed record Error(string Code, string Message) : Message;
