namespace NhsIdentity.Matching;

// Growth of the row and id arrays. Only the constructors, RecordSetBuilder and PatientIndex's writer append: a
// constructed set is complete before anyone can read it, a builder's set is appended to by one batch at a time (the
// builder waits for one before starting the next) and handed out only by Build, and PatientIndex grows and mutates
// its set only under its write lock, so no reader sees a half-grown array. A new feature is a new PreparedRow field: nothing here changes.
public sealed partial class RecordSet
{
    /// <summary>The number of fields counted: one per comparison.</summary>
    internal static int FieldSlots => Comparisons.ComparisonCatalog.Count;

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _rows, capacity);
    }

    /// <summary>Gives back the room the doubling growth left unused, when it is more than an eighth: a set built a batch
    /// at a time (<see cref="RecordSetBuilder"/>) does not know its size in advance, and may otherwise carry up to
    /// twice the rows and text it holds for the rest of a run.</summary>
    internal void TrimExcess()
    {
        if (_ids.Length - _count > _ids.Length / 8)
        {
            var capacity = Math.Max(_count, 1);
            Array.Resize(ref _ids, capacity);
            Array.Resize(ref _rows, capacity);
        }

        if (_arena.Length - _arenaLength > _arena.Length / 8)
        {
            Array.Resize(ref _arena, Math.Max(_arenaLength, 1));
        }
    }

    /// <summary>The text the rows' slices point into (for checks that two sets are laid out alike).</summary>
    internal ReadOnlySpan<char> ArenaText => _arena.AsSpan(0, _arenaLength);

    /// <summary>Copies text into the shared arena and returns where it starts.</summary>
    internal int AppendToArena(ReadOnlySpan<char> text)
    {
        if (_arenaLength + text.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + text.Length));
        }

        var start = _arenaLength;
        text.CopyTo(_arena.AsSpan(start));
        _arenaLength += text.Length;
        return start;
    }

    internal void CountState(ComparisonKind field, FieldState state) => _counts[((int)field * 4) + (int)state]++;

    private void UncountState(ComparisonKind field, FieldState state) => _counts[((int)field * 4) + (int)state]--;
}
