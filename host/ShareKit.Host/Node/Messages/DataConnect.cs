namespace ShareKit.Host.Node.Messages;

/// <summary>The first frame of a data connection: it joins the connection to a transfer by its secret token.</summary>
/// <param name="TransferId">The transfer the connection carries items of.</param>
/// <param name="Token">The <see cref="Decision.DataToken"/> of that transfer.</param>
public sealed record DataConnect(string TransferId, string Token) : Message;
