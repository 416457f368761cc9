using System.Security.Cryptography;
using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Storage.S3;

/// <summary>
/// Where store paths live in the bucket: a file at <c>&lt;prefix&gt;a/b.txt</c>, a folder as the key prefix
/// <c>&lt;prefix&gt;a/</c> (with an empty marker object of that name when it was created explicitly), and the
/// store's own staging objects under <c>&lt;prefix&gt;.sharekit-staging/</c>, which is never listed.
/// </summary>
internal sealed class S3Layout(string prefix)
{
    public const string StagingFolderName = ".sharekit-staging";

    public string Prefix { get; } = prefix;

    public static bool IsReserved(StorePath path) => !path.IsRoot && path.Segments[0] == StagingFolderName;

    public string Key(StorePath path) => Prefix + path.Value;

    /// <summary>The key prefix of everything inside the folder <paramref name="path"/> (also the name of its marker object).</summary>
    public string FolderPrefix(StorePath path) => path.IsRoot ? Prefix : Prefix + path.Value + "/";

    /// <summary>The object holding the not-yet-uploaded tail of an abandoned staged write of <paramref name="path"/>.</summary>
    public string TailKey(StorePath path) =>
        Prefix + StagingFolderName + "/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path.Value)).AsSpan(0, 16)) + ".tail";
}
