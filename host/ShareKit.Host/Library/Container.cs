namespace ShareKit.Host.Library;

/// <summary>Formats whose header alone does not settle the kind.</summary>
internal enum Container
{
    /// <summary>The header settles it.</summary>
    None,

    /// <summary>A zip or other archive: also office documents and comics.</summary>
    Zip,

    /// <summary>Ogg, Matroska, MP4: sound or film.</summary>
    AudioOrVideo,
}
