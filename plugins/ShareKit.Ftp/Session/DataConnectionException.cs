namespace ShareKit.Ftp;

/// <summary>The data connection could not be opened (425), as opposed to breaking during the transfer (426).</summary>
internal sealed class DataConnectionException(string message, Exception inner) : IOException(message, inner);
