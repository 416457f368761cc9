namespace ShareKit.Host.Node.Messages;

/// <summary>Either side: stop the transfer. Staged data is kept so that a later offer resumes.</summary>
public sealed record Cancel(string TransferId, string Reason) : Message;
