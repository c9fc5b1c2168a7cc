using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;
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

    /// <summary>Reads what <see cref="WriteSnapshot"/> wrote into a new set with these options. The sizes pass their
    /// checksum before anything is allocated; on a stream that cannot say how much it holds, arrays grow as the bytes
    /// arrive, so sizes made to pass the checksum cannot allocate much more than the stream really holds. Every text
    /// slice must lie inside the arena, and the dead text must be what the live slices leave, so a damaged snapshot
    /// fails here rather than in a later lookup or write.</summary>
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

        var counts = new int[FieldSlots * 4];
        reader.ReadSpan<int>(counts);
        var slotStates = ReadArray<uint>(reader, count);
        var rows = ReadArray<PreparedRow>(reader, count);
        var arena = ReadArray<char>(reader, arenaLength, minimumLength: 16);
        var lengths = ReadArray<int>(reader, count);
        var sum = 0UL;
        foreach (var length in lengths.AsSpan(0, count))
        {
            sum += length > 0 ? (ulong)length : throw SnapshotReader.Corrupt();
        }

        if (sum != idChars)
        {
            throw SnapshotReader.Corrupt();
        }

        var chars = ReadArray<char>(reader, (int)idChars);
        var ids = new string?[Math.Max(count, 1)]; // backed by the lengths read: count is real now
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            ids[i] = new string(chars, start, lengths[i]);
            start += lengths[i];
        }

        var set = new RecordSet(options, ids, rows, arena, counts)
        {
            _count = count,
            _arenaLength = arenaLength,
            _arenaWaste = arenaWaste,
            _slotStates = slotStates,
        };
        if (!set.ArenaAccountsFor(arenaLength, arenaWaste))
        {
            throw SnapshotReader.Corrupt();
        }

        return set;
    }

    /// <summary>A set over arrays read from a snapshot (<paramref name="counts"/> copied into the set's own).</summary>
    private RecordSet(RecordSetOptions options, string?[] ids, PreparedRow[] rows, char[] arena, int[] counts)
    {
        _options = options;
        _ids = ids;
        _rows = rows.Length == 0 ? new PreparedRow[1] : rows;
        _arena = arena;
        counts.CopyTo(_counts, 0);
    }

    /// <summary>An array of <paramref name="length"/> values read from the snapshot (longer when
    /// <paramref name="minimumLength"/> asks). Where the stream cannot say how much it holds, it grows as the bytes
    /// arrive (doubling from 64 KiB), so a forged size costs at most twice the bytes really there.</summary>
    private static T[] ReadArray<T>(SnapshotReader reader, int length, int minimumLength = 1)
        where T : unmanaged
    {
        if (reader.KnowsRemaining)
        {
            var sized = new T[Math.Max(length, minimumLength)];
            reader.ReadSpan<T>(sized.AsSpan(0, length));
            return sized;
        }

        var array = new T[Math.Max(Math.Min(length, (1 << 16) / Unsafe.SizeOf<T>() + 1), minimumLength)];
        var filled = 0;
        while (filled < length)
        {
            if (filled == array.Length)
            {
                Array.Resize(ref array, (int)Math.Min(length, Math.Max(2L * array.Length, minimumLength)));
            }

            var next = Math.Min(length, array.Length) - filled;
            reader.ReadSpan<T>(array.AsSpan(filled, next));
            filled += next;
        }

        return array.Length >= minimumLength ? array : [.. array, .. new T[minimumLength - array.Length]];
    }

    /// <summary>Whether every row's text slices lie inside the arena, and the dead text is exactly what they leave.</summary>
    private bool ArenaAccountsFor(int arenaLength, int arenaWaste)
    {
        var live = 0L;
        for (var i = 0; i < _count; i++)
        {
            var visitor = new ArenaVisitor(this, ref _rows[i], destination: null, 0);
            ComparisonCatalog.Visit(ref visitor);
            if (visitor.Outside)
            {
                return false;
            }

            live += visitor.Length;
        }

        return live + arenaWaste == arenaLength;
    }
}
