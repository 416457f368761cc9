namespace ShareKit.Ftp;

/// <summary>The representation type set by TYPE. Files are always sent byte for byte; only the reply wording changes.</summary>
internal enum TransferType
{
    Ascii,
    Binary,
}
