using ShareKit.Sdk;

namespace ShareKit.Ftp;

/// <summary>Maps store errors to FTP replies with the store's own message.</summary>
internal static class StorageReplies
{
    public static FtpReply For(Exception e) => e switch
    {
        StoreNotFoundException => new FtpReply(550, "No such file or folder."),
        StoreConflictException c => new FtpReply(550, c.Message),
        StorageFullException => new FtpReply(552, "The share is full; nothing was stored."),
        StorePathException p => new FtpReply(553, p.Message),
        StorageException s => new FtpReply(451, s.Message),
        NotSupportedException => new FtpReply(550, "This share does not support that."),
        UnauthorizedAccessException => new FtpReply(550, "Permission denied."),
        _ => new FtpReply(451, "Local error."),
    };
}
