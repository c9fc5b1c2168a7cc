using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Snapshots;

namespace NhsIdentity.Matching;

// A record set as bytes, for PatientIndex snapshots: the prepared rows and the text arena as they are in memory, so a
// million records load in one pass with no preparation. Rows are only valid for the preparation code and options that
// made them, so the header names both (PatientIndex.Snapshot.cs checks them).
public sealed partial class RecordSet
{
    /// <summary>The most records a snapshot may hold (the arrays' limit, not a promise of memory).</summary>
    private const int MaxSnapshotRecords = 1 << 28;

    /// <summary>A fingerprint of what preparation depends on besides the code: the date order, the nickname table's
    /// contents (rows hold its ids) and the term-frequency minimum.</summary>
    internal static ulong PreparationFingerprint(RecordSetOptions options)
    {
        var hash = new XxHash3();
        Span<int> scalars = [(int)options.DateOrder, options.MinimumRecordsForTermFrequencies, Unsafe.SizeOf<PreparedRow>()];
        hash.Append(MemoryMarshal.AsBytes(scalars));
        Span<byte> nicknames = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(nicknames, options.Nicknames.ContentFingerprint);
        hash.Append(nicknames);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Writes the records: their sizes and a checksum of everything so far (so a reader can trust the sizes
    /// before it allocates), then ids, rows, arena, field counts and tracked states.</summary>
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        var lengths = new int[_count];
        var idChars = 0L;
        for (var i = 0; i < _count; i++)
        {
            lengths[i] = _ids[i]!.Length;
            idChars += lengths[i];
        }

        writer.WriteInt32(_count);
        writer.WriteInt32(_arenaLength);
        writer.WriteInt32(_arenaWaste);
        writer.WriteUInt64((ulong)idChars);
        writer.WriteChecksum();

        writer.WriteSpan<int>(_counts);
        writer.WriteSpan<uint>(_slotStates.AsSpan(0, _count));
        writer.WriteSpan<PreparedRow>(_rows.AsSpan(0, _count));
        writer.WriteSpan<char>(_arena.AsSpan(0, _arenaLength));
        writer.WriteSpan<int>(lengths);
        for (var i = 0; i < _count; i++)
        {
            writer.WriteSpan(_ids[i].AsSpan());
        }
    }

    /// <summary>Reads what <see cref="WriteSnapshot"/> wrote into a new set with these options. Allocates only after
    /// the sizes pass their checksum, and checks every id length against them, so a damaged snapshot fails here
    /// rather than in a later lookup or with an absurd allocation.</summary>
    internal static RecordSet ReadSnapshot(SnapshotReader reader, RecordSetOptions options)
    {
        var count = reader.ReadCount(MaxSnapshotRecords);
        var arenaLength = reader.ReadCount(Array.MaxLength);
        var arenaWaste = reader.ReadCount(arenaLength);
        var idChars = reader.ReadUInt64();
        reader.VerifyChecksum();
        if (idChars > (ulong)Array.MaxLength)
        {
            throw SnapshotReader.Corrupt();
        }

        reader.RequireRemaining((sizeof(int) * (long)(FieldSlots * 4)) + ((long)count * (sizeof(uint) + Unsafe.SizeOf<PreparedRow>() + sizeof(int)))
            + (sizeof(char) * ((long)arenaLength + (long)idChars)));

        var set = new RecordSet(options, count)
        {
            _arena = new char[Math.Max(arenaLength, 16)],
            _arenaLength = arenaLength,
            _arenaWaste = arenaWaste,
            _slotStates = new uint[Math.Max(count, 1)],
        };
        reader.ReadSpan<int>(set._counts);
        reader.ReadSpan<uint>(set._slotStates.AsSpan(0, count));
        reader.ReadSpan<PreparedRow>(set._rows.AsSpan(0, count));
        reader.ReadSpan<char>(set._arena.AsSpan(0, arenaLength));

        var lengths = new int[count];
        reader.ReadSpan<int>(lengths);
        var sum = 0UL;
        foreach (var length in lengths)
        {
            sum += length > 0 ? (ulong)length : throw SnapshotReader.Corrupt();
        }

        if (sum != idChars)
        {
            throw SnapshotReader.Corrupt();
        }

        var chars = new char[(int)idChars];
        reader.ReadSpan<char>(chars);
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            set._ids[i] = new string(chars, start, lengths[i]);
            start += lengths[i];
        }

        set._count = count;
        return set;
    }

    /// <summary>Whether every row's text lies inside the arena (a check on a loaded snapshot before its checksum is
    /// trusted to have caught everything: a lookup must never read outside the arena).</summary>
    internal bool RowsPointInsideArena()
    {
        foreach (ref readonly var row in _rows.AsSpan(0, _count))
        {
            var names = (long)row.NameStart + row.GivenLength + row.GivenAllLength + row.FamilyLength + row.FamilyTokensLength;
            if (row.NameStart < 0 || names > _arenaLength || row.AddressStart < 0 || (long)row.AddressStart + row.AddressLength > _arenaLength
                || row.LocalIdStart < 0 || (long)row.LocalIdStart + row.LocalIdLength > _arenaLength)
            {
                return false;
            }
        }

        return true;
    }
}
