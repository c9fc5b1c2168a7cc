using System.Runtime.InteropServices;

namespace NhsIdentity.Cli.Outputs;

/// <summary>What a path names, after following symbolic links: what decides whether an output may be renamed over.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there (or a symbolic link whose target is missing).</summary>
    Missing,

    /// <summary>A regular file, or an existing entry whose kind cannot be told on this system.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character device such as <c>/dev/null</c> or <c>/dev/full</c>.</summary>
    CharacterDevice,

    /// <summary>A named pipe (FIFO).</summary>
    Fifo,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,
}

/// <summary>Tells a path's <see cref="FileKind"/>.</summary>
/// <remarks>
/// .NET has no public API for the type of a file (<see cref="File.GetUnixFileMode(string)"/> gives the permission bits
/// only), so on Linux this asks the kernel with <c>statx(2)</c>, whose result layout is fixed by the kernel ABI on every
/// architecture (unlike <c>struct stat</c>). Elsewhere, and on a C library without <c>statx</c>, only folders are told
/// apart and every other existing entry is <see cref="FileKind.Regular"/>: the behaviour before devices were recognised.
/// </remarks>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    // struct statx (linux/stat.h): 256 bytes, stx_mode a native-endian __u16 at byte 28 on every architecture.
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The kind.</returns>
    public static FileKind Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var status = new byte[StatxSize];
                if (Statx(AtCurrentDirectory, path, 0, StatxType, status) == 0)
                {
                    return FromMode(MemoryMarshal.Read<ushort>(status.AsSpan(StatxModeOffset)));
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno is ENOENT or ENOTDIR)
                {
                    return FileKind.Missing;
                }
            }
            catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
            {
                // An old or unusual C library: fall through to what .NET itself can tell.
            }
        }

        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>Whether an output of this kind is written through (opened and written in place) rather than replaced
    /// by renaming a temporary file over it: a device or a pipe is a channel to something else, not a file holding
    /// content, and renaming over <c>/dev/null</c> as root replaces the system's null device.</summary>
    /// <param name="kind">The output's kind.</param>
    /// <returns>True for a character device or a FIFO.</returns>
    public static bool IsWrittenThrough(FileKind kind) => kind is FileKind.CharacterDevice or FileKind.Fifo;

    private static FileKind FromMode(ushort mode) => (mode & TypeMask) switch
    {
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x4000 => FileKind.Directory,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Regular,
    };

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] result);
}
