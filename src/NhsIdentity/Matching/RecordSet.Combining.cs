using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Several prepared sets as one: what link-and-deduplicate needs (every pair among all the records, within each
// extract and across), without preparing any record a second time.
public sealed partial class RecordSet
{
    /// <summary>Combines prepared sets into one, in order: the first set's records, then the second's, and so on.</summary>
    /// <param name="sets">The sets, prepared with the same nickname table.</param>
    /// <returns>A new set: record <c>p</c> of set <c>k</c> is at position <c>p</c> plus the counts of the sets before
    /// <c>k</c>. Its options are the first set's; its term frequencies are measured over all the records together
    /// (a name common in one extract is common in the combined population).</returns>
    /// <exception cref="ArgumentException"><paramref name="sets"/> is empty, holds null, or holds sets prepared with
    /// different nickname tables (their nickname codes would not be comparable).</exception>
    /// <remarks>Copies the prepared features; the sets themselves are not changed and stay usable.</remarks>
    public static RecordSet Combine(params ReadOnlySpan<RecordSet> sets)
    {
        if (sets.IsEmpty)
        {
            throw new ArgumentException("At least one set is needed.", nameof(sets));
        }

        var count = 0;
        var arenaLength = 0;
        foreach (var set in sets)
        {
            if (set is null)
            {
                throw new ArgumentException("A set is null.", nameof(sets));
            }

            if (!ReferenceEquals(set._options.Nicknames, sets[0]._options.Nicknames))
            {
                throw new ArgumentException("The sets were prepared with different nickname tables.", nameof(sets));
            }

            count = checked(count + set._count);
            arenaLength = checked(arenaLength + set._arenaLength);
        }

        var combined = new RecordSet(sets[0]._options, count);
        if (combined._arena.Length < arenaLength)
        {
            combined._arena = new char[arenaLength];
        }

        foreach (var set in sets)
        {
            var arenaOffset = combined._arenaLength;
            set._arena.AsSpan(0, set._arenaLength).CopyTo(combined._arena.AsSpan(arenaOffset));
            combined._arenaLength += set._arenaLength;
            set._ids.AsSpan(0, set._count).CopyTo(combined._ids.AsSpan(combined._count));
            for (var i = 0; i < set._count; i++)
            {
                ref var row = ref combined._rows[combined._count + i];
                row = set._rows[i];
                var visitor = new ArenaOffsetVisitor(ref row, arenaOffset);
                ComparisonCatalog.Visit(ref visitor);
            }

            combined._count += set._count;
            for (var slot = 0; slot < combined._counts.Length; slot++)
            {
                combined._counts[slot] += set._counts[slot];
            }
        }

        combined.ComputeTermFrequencies();
        return combined;
    }

    /// <summary>Moves a row's arena slices (as each comparison declares them) by an offset. An empty slice keeps the
    /// start a single set gives it (0 for a missing value), so a combined or parallel-prepared row is the same bytes
    /// as a row prepared in place.</summary>
    private ref struct ArenaOffsetVisitor(ref PreparedRow row, int offset) : IComparisonVisitor
    {
        private readonly ref PreparedRow _row = ref row;

        public readonly void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            for (var slice = 0; slice < T.ArenaSlices; slice++)
            {
                if (T.ArenaLength(slice, in _row) != 0)
                {
                    T.ArenaStart(slice, ref _row) += offset;
                }
            }
        }
    }
}
