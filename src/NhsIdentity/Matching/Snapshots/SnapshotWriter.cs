using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NhsIdentity.Matching.Snapshots;

/// <summary>Writes a snapshot's little-endian fields and raw spans to a stream, hashing everything written so the
/// reader can tell a damaged file from a good one (<see cref="WriteChecksum"/>).</summary>
internal sealed class SnapshotWriter(Stream destination)
{
    private readonly XxHash3 _hash = new();
    private readonly byte[] _scalar = new byte[8];

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scalar, value);
        WriteBytes(_scalar.AsSpan(0, 4));
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scalar, value);
        WriteBytes(_scalar.AsSpan(0, 8));
    }

    /// <summary>Writes a span of unmanaged values as their bytes in memory (the reader refuses another byte order).</summary>
    public void WriteSpan<T>(ReadOnlySpan<T> values)
        where T : unmanaged => WriteBytes(MemoryMarshal.AsBytes(values));

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        destination.Write(bytes);
    }

    /// <summary>Writes the hash of everything written so far (not itself hashed).</summary>
    public void WriteChecksum()
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scalar, _hash.GetCurrentHashAsUInt64());
        destination.Write(_scalar);
    }
}
