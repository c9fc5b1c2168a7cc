using System.IO.Hashing;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Turning one raw PatientRecord into its prepared row: each comparison's definition prepares its own field(s). Runs
// once per record; the definitions work in stack buffers so preparing a million records does not churn the heap.
public sealed partial class RecordSet
{
    internal void Append(PatientRecord record)
    {
        EnsureCapacity(_count + 1);
        var index = _count;
        _ids[index] = record.Id;
        ref var row = ref _rows[index];
        Prepare(this, record, ref row);
        _count++;
    }

    /// <summary>Prepares one record into <paramref name="row"/>, its text appended to <paramref name="arena"/>'s arena
    /// (this set's, or a share's when preparing on several threads).</summary>
    private static void Prepare(RecordSet arena, PatientRecord record, ref PreparedRow row)
    {
        row = default;
        var visitor = new PrepareVisitor(arena, record, ref row);
        ComparisonCatalog.Visit(ref visitor);
        row.Present = visitor.Present;

        // An empty slice starts at 0 whatever the arena held before it, so where a record's empty text would have
        // gone never shows in its row (rows prepared on several threads, or combined, are then the same bytes).
        var empty = new EmptySliceVisitor(ref row);
        ComparisonCatalog.Visit(ref empty);
    }

    /// <summary>Sets the start of every empty arena slice of a row to 0.</summary>
    private ref struct EmptySliceVisitor(ref PreparedRow row) : IComparisonVisitor
    {
        private readonly ref PreparedRow _row = ref row;

        public readonly void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            for (var slice = 0; slice < T.ArenaSlices; slice++)
            {
                if (T.ArenaLength(slice, in _row) == 0)
                {
                    T.ArenaStart(slice, ref _row) = 0;
                }
            }
        }
    }

    /// <summary>XxHash3 of the chars; never 0, which stands for "no value".</summary>
    internal static ulong Hash(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Runs every definition's preparation on one record, counting what each found.</summary>
    private ref struct PrepareVisitor(RecordSet set, PatientRecord record, ref PreparedRow row) : IComparisonVisitor
    {
        private readonly ref PreparedRow _row = ref row;

        public ushort Present;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            var state = T.Prepare(record, set, ref _row);
            for (var feature = 0; feature < T.TermFrequencyFeatures; feature++)
            {
                T.Log2FrequencyOf(feature, ref _row) = float.NaN; // not measured yet: no adjustment
            }

            set.CountState(T.Kind, state);
            Present |= state == FieldState.Present ? (ushort)(1 << (int)T.Kind) : (ushort)0;
        }
    }
}
