namespace ShareKit.Ftp;

/// <summary>What a named FTP user may do in its share.</summary>
public enum FtpUserAccess
{
    /// <summary>Browse and download only.</summary>
    Read,

    /// <summary>Also upload, create folders, delete and rename.</summary>
    ReadWrite,
}
