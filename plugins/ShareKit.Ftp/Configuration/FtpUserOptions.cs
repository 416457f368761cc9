namespace ShareKit.Ftp;

/// <summary>A named FTP user from <c>services:ftp:settings:users</c>.</summary>
/// <param name="Name">The login name (case-sensitive).</param>
/// <param name="PasswordHash">The salted hash made by <see cref="FtpPasswordHasher.Hash"/>.</param>
/// <param name="Share">The share the user sees at <c>/</c>.</param>
/// <param name="Access">Read or read-write.</param>
public sealed record FtpUserOptions(string Name, string PasswordHash, string Share, FtpUserAccess Access);
