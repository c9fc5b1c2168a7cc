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
        row = default;
        var visitor = new PrepareVisitor(this, record, ref row);
        ComparisonCatalog.Visit(ref visitor);
        row.Present = visitor.Present;
        _count++;
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
