using System.Runtime.CompilerServices;
using NhsIdentity.Internal;

namespace NhsIdentity.Matching;

// Prefetching for random access. A lookup in a large index scores a few dozen records scattered over hundreds of
// megabytes; each record's row and name text is a cache miss, and scoring them one after another waits for each miss
// in turn. Asking for the lines of every candidate before scoring the first lets the misses overlap.
public sealed partial class RecordSet
{
    /// <summary>Asks the processor to start loading a record's row (see <see cref="CachePrefetch"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PrefetchRow(int i) => CachePrefetch.Lines(in _rows[i], Unsafe.SizeOf<PreparedRow>());

    /// <summary>Asks the processor to start loading a record's name text. Reads the row, so call it once the row's
    /// prefetch has had time to arrive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PrefetchText(int i)
    {
        ref readonly var row = ref _rows[i];
        if ((uint)row.NameStart < (uint)_arena.Length)
        {
            var length = row.GivenLength + row.GivenAllLength + row.FamilyLength + row.FamilyTokensLength;
            CachePrefetch.Lines(in _arena[row.NameStart], Math.Max(1, length * sizeof(char)));
        }
    }
}
