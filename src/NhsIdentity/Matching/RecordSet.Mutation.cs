using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// In-place changes for PatientIndex's writer and for the per-thread single-record query sets: clear, replace a
// record, remove one by moving the last record into its place, and reclaim arena space left by replaced records.
// Callers serialise these with every reader themselves (the index holds its write lock): a set that is being
// changed must not be read.
public sealed partial class RecordSet
{
    /// <summary>Bits per field in a slot's state word: one <see cref="FieldState"/> (0..3) per counted field.</summary>
    private const int StateBits = 2;

    /// <summary>The <see cref="FieldState"/> of every field of every record appended with <see cref="AppendTracked"/>,
    /// packed <see cref="StateBits"/> bits per field, so a replaced or removed record can be uncounted.</summary>
    private uint[] _slotStates = [];

    /// <summary>Arena chars no record points at any more (left behind by replaced and removed records).</summary>
    private int _arenaWaste;

    /// <summary>Gets the arena chars in use, live or dead.</summary>
    internal int ArenaLength => _arenaLength;

    /// <summary>Gets the arena chars that no record points at any more.</summary>
    internal int ArenaWaste => _arenaWaste;

    /// <summary>Forgets every record but keeps the arrays, so the set can be refilled without allocating.</summary>
    internal void Clear()
    {
        Array.Clear(_ids, 0, _count);
        Array.Clear(_counts);
        _count = 0;
        _arenaLength = 0;
        _arenaWaste = 0;
    }

    /// <summary>Appends a record and remembers its field states, so it can later be replaced or removed.</summary>
    /// <returns>The new record's position.</returns>
    internal int AppendTracked(PatientRecord record)
    {
        Span<int> before = stackalloc int[FieldSlots * 4];
        _counts.CopyTo(before);
        Append(record);
        var index = _count - 1;
        if (_slotStates.Length < _ids.Length)
        {
            Array.Resize(ref _slotStates, _ids.Length);
        }

        // Append counted exactly one state per field: the slot whose count moved is the record's state.
        uint states = 0;
        for (var field = 0; field < FieldSlots; field++)
        {
            for (var state = 0; state < 4; state++)
            {
                if (_counts[(field * 4) + state] != before[(field * 4) + state])
                {
                    states |= (uint)state << (field * StateBits);
                }
            }
        }

        _slotStates[index] = states;
        return index;
    }

    /// <summary>Replaces the record at <paramref name="index"/> (appended with <see cref="AppendTracked"/>) with
    /// <paramref name="record"/>; its term frequencies become NaN (no adjustment) until they are measured again.</summary>
    internal void ReplaceAt(int index, PatientRecord record)
    {
        Uncount(index);
        var appended = AppendTracked(record);
        MoveSlot(appended, index);
        _count--;
        _ids[_count] = null;
    }

    /// <summary>Removes the record at <paramref name="index"/> by moving the last record into its place (so the
    /// last record's position changes to <paramref name="index"/>; callers re-key it).</summary>
    internal void RemoveAtByMovingLast(int index)
    {
        Uncount(index);
        var last = _count - 1;
        if (index != last)
        {
            MoveSlot(last, index);
        }

        _count--;
        _ids[_count] = null;
    }

    /// <summary>Rewrites the arena with live text only, when at least half of it is dead.</summary>
    /// <returns><see langword="true"/> when the arena was rewritten.</returns>
    internal bool CompactArenaIfWasteful()
    {
        if (_arenaWaste == 0 || _arenaWaste < _arenaLength / 2)
        {
            return false;
        }

        var arena = new char[Math.Max(_arenaLength - _arenaWaste, 16)];
        var length = 0;
        for (var i = 0; i < _count; i++)
        {
            var visitor = new ArenaVisitor(this, ref _rows[i], arena, length);
            ComparisonCatalog.Visit(ref visitor);
            length = visitor.Length;
        }

        _arena = arena;
        _arenaLength = length;
        _arenaWaste = 0;
        return true;
    }

    /// <summary>Takes a record out of the field counts and marks its arena text dead.</summary>
    private void Uncount(int index)
    {
        var states = _slotStates[index];
        for (var field = 0; field < FieldSlots; field++)
        {
            UncountState((ComparisonKind)field, (FieldState)((states >> (field * StateBits)) & 3));
        }

        var visitor = new ArenaVisitor(this, ref _rows[index], destination: null, 0);
        ComparisonCatalog.Visit(ref visitor);
        _arenaWaste += visitor.Length;
    }

    /// <summary>Walks a row's arena slices, as each comparison declares them: with a destination, copies each slice
    /// there and points the row at the copy (compaction); without one, only adds up their lengths and notes a slice
    /// that does not lie inside the set's arena (a loaded snapshot is checked with it).</summary>
    private ref struct ArenaVisitor(RecordSet set, ref PreparedRow row, char[]? destination, int length) : IComparisonVisitor
    {
        private readonly ref PreparedRow _row = ref row;

        public int Length = length;

        public bool Outside;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            for (var slice = 0; slice < T.ArenaSlices; slice++)
            {
                var count = T.ArenaLength(slice, in _row);
                ref var start = ref T.ArenaStart(slice, ref _row);
                Outside |= count < 0 || start < 0 || (long)start + count > set._arenaLength;
                if (destination is not null)
                {
                    set._arena.AsSpan(start, count).CopyTo(destination.AsSpan(Length));
                    start = count == 0 ? 0 : Length;
                }

                Length += count;
            }
        }
    }

    /// <summary>Copies every column of one record to another position (arena slices are shared, not copied).</summary>
    private void MoveSlot(int from, int to)
    {
        _ids[to] = _ids[from];
        _rows[to] = _rows[from];
        _slotStates[to] = _slotStates[from];
    }
}
