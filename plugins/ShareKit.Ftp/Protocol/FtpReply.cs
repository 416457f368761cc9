namespace ShareKit.Ftp;

/// <summary>A one-line reply: a three-digit code and a text.</summary>
internal readonly record struct FtpReply(int Code, string Text);
