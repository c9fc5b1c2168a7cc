using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NhsIdentity.Matching.Snapshots;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, hashing as it goes. A short stream or an out-of-range value
/// is <see cref="PatientIndexSnapshotError.Corrupt"/>; nothing read is trusted until <see cref="VerifyChecksum"/>.</summary>
internal sealed class SnapshotReader(Stream source)
{
    private readonly XxHash3 _hash = new();
    private readonly byte[] _scalar = new byte[8];

    public int ReadInt32()
    {
        ReadBytes(_scalar.AsSpan(0, 4));
        return BinaryPrimitives.ReadInt32LittleEndian(_scalar);
    }

    /// <summary>A count or length, which must lie in 0..<paramref name="maximum"/>.</summary>
    public int ReadCount(int maximum)
    {
        var value = ReadInt32();
        return value >= 0 && value <= maximum ? value : throw Corrupt();
    }

    /// <summary>Whether the stream can say how many bytes it has left (then sizes are checked against that before
    /// anything is allocated).</summary>
    public bool KnowsRemaining => source.CanSeek;

    /// <summary>Refuses sizes that need more bytes than a seekable stream has left, before anything that large is
    /// allocated (the checksum guards against damage, not against a file made to look valid).</summary>
    public void RequireRemaining(long bytes)
    {
        if (bytes < 0 || (source.CanSeek && source.Length - source.Position < bytes))
        {
            throw Corrupt();
        }
    }

    public ulong ReadUInt64()
    {
        ReadBytes(_scalar.AsSpan(0, 8));
        return BinaryPrimitives.ReadUInt64LittleEndian(_scalar);
    }

    public void ReadSpan<T>(Span<T> values)
        where T : unmanaged => ReadBytes(MemoryMarshal.AsBytes(values));

    public void ReadBytes(Span<byte> bytes)
    {
        try
        {
            source.ReadExactly(bytes);
        }
        catch (EndOfStreamException truncated)
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.Corrupt, truncated);
        }

        _hash.Append(bytes);
    }

    /// <summary>Reads the stored checksum and compares it with the hash of everything read.</summary>
    public void VerifyChecksum()
    {
        var expected = _hash.GetCurrentHashAsUInt64();
        try
        {
            source.ReadExactly(_scalar);
        }
        catch (EndOfStreamException truncated)
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.Corrupt, truncated);
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(_scalar) != expected)
        {
            throw Corrupt();
        }
    }

    public static PatientIndexSnapshotException Corrupt() => new(PatientIndexSnapshotError.Corrupt);
}
