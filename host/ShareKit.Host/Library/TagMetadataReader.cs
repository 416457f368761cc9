namespace ShareKit.Host.Library;

/// <summary>Reads title and artist tags of audio and video files (ID3, Vorbis comments, MP4, Matroska, …) with TagLib#.</summary>
internal static class TagMetadataReader
{
    /// <summary>The tags, or <see cref="MediaMetadata.None"/> when TagLib# does not know or cannot parse the file.</summary>
    public static MediaMetadata Read(string fileName, Stream seekableContent)
    {
        // TagLib# throws many exception types on damaged files; a file it cannot read simply has no tags.
        try
        {
            // ReadStyle.None skips the audio properties (duration, bitrate), which can mean scanning the whole stream.
            using var file = TagLib.File.Create(new StreamFileAbstraction(fileName, seekableContent), TagLib.ReadStyle.None);
            var tag = file.Tag;
            var artist = tag.FirstPerformer ?? tag.FirstAlbumArtist ?? tag.FirstComposer;
            return new MediaMetadata(MediaMetadata.Clean(tag.Title), MediaMetadata.Clean(artist));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return MediaMetadata.None;
        }
    }
}
