using System.Runtime.InteropServices;
using System.Text;

namespace ShareKit.Transport.UnixSocket;

/// <summary>
/// What is at a socket path. .NET's file APIs do not tell a socket from a regular file, and a stale socket file
/// may only be deleted if it really is a socket: so this asks <c>lstat</c> through the runtime's own native shim
/// (<c>SystemNative_LStat</c>, whose result starts with a 32-bit flags field followed by the raw <c>st_mode</c>).
/// </summary>
internal static partial class SocketFile
{
    private const int FileTypeMask = 0xF000;
    private const int SocketType = 0xC000;

    /// <summary>The kinds of thing that can be at a path.</summary>
    public enum Kind
    {
        Nothing,
        Socket,
        SomethingElse,

        /// <summary>Something is there but its type could not be read (the shim is missing): treat it as not ours.</summary>
        Unknown,
    }

    /// <summary>What is at <paramref name="path"/>, without following a final symbolic link.</summary>
    public static Kind At(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            return Kind.Nothing;
        }

        try
        {
            // The status struct is about 120 bytes and only grows at its end; 256 leaves room.
            Span<byte> status = stackalloc byte[256];
            var utf8 = Encoding.UTF8.GetBytes(path + "\0");
            if (LStat(utf8, status) != 0)
            {
                return Kind.Unknown;
            }

            var mode = BitConverter.ToInt32(status[4..8]);
            return (mode & FileTypeMask) == SocketType ? Kind.Socket : Kind.SomethingElse;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Kind.Unknown;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static partial int LStat(ReadOnlySpan<byte> path, Span<byte> status);
}
