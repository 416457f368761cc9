using System.Security.Cryptography;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Noise;

namespace ShareKit.Security.Encrypted.Identity;

/// <summary>
/// Keeps the node's private key in <c>&lt;data directory&gt;/identity/x25519.key</c> (32 raw bytes, mode 0600 in a
/// 0700 folder). A missing key is created; a damaged or exposed one is refused, never silently replaced, because
/// peers have pinned it.
/// </summary>
public static class IdentityStore
{
    /// <summary>The folder under the data directory that holds the key.</summary>
    public const string FolderName = "identity";

    /// <summary>The key file's name.</summary>
    public const string FileName = "x25519.key";

    private const UnixFileMode OthersMask =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The path of the key file for <paramref name="dataDirectory"/>.</summary>
    public static string KeyPath(string dataDirectory) => Path.Combine(dataDirectory, FolderName, FileName);

    /// <summary>Loads the node's key, creating it on first run.</summary>
    /// <exception cref="TrustException">The key file is damaged or readable by other users; the message says how to fix it.</exception>
    public static LocalIdentity LoadOrCreate(string dataDirectory)
    {
        var path = KeyPath(dataDirectory);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Load(path);
    }

    private static LocalIdentity Load(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & OthersMask) != 0)
            {
                throw new TrustException(
                    $"The identity key {path} can be read or changed by other users (mode {Convert.ToString((int)mode, 8)}). " +
                    $"Anyone who reads it can pose as this node. Fix it with: chmod 600 '{path}' " +
                    "(and if other people could have copied it, move it away to make a new identity).");
            }
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustException($"The identity key {path} cannot be read: {e.Message}", e);
        }

        try
        {
            if (bytes.Length != KeyPair.Length)
            {
                throw new TrustException(
                    $"The identity key {path} is damaged ({bytes.Length} bytes; a key is {KeyPair.Length}). ShareKit does not " +
                    "replace it on its own, because peers have pinned this node's key. Restore the file from a backup, or move it " +
                    "away to create a new identity (peers then see a changed key and must accept it with `sharekit trust`).");
            }

            return new LocalIdentity(new KeyPair(bytes), path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static void Create(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written beside the target and renamed into place, so a crash never leaves a half-written key and two
        // processes starting at once end up with the same one.
        var temporary = path + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var keyPair = KeyPair.Generate())
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(keyPair.PrivateKey);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
