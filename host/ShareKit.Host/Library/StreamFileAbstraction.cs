namespace ShareKit.Host.Library;

/// <summary>Lets TagLib# read tags from a store's stream instead of a file path; the caller owns the stream.</summary>
internal sealed class StreamFileAbstraction(string name, Stream content) : TagLib.File.IFileAbstraction
{
    public string Name => name;

    public Stream ReadStream => content;

    public Stream WriteStream => throw new NotSupportedException("The library catalog never writes tags.");

    public void CloseStream(Stream stream)
    {
        // The catalog disposes the stream it opened.
    }
}
