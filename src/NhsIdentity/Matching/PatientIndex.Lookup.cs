using System.Runtime.CompilerServices;

namespace NhsIdentity.Matching;

// Lookups: prepare the query into per-thread scratch, take the read lock, walk each rule's posting list for the
// query's key, score every candidate once (a generation-stamped visited array, so nothing is cleared per lookup)
// and keep the best in the caller's span by insertion (result counts are small).
public sealed partial class PatientIndex
{
    /// <summary>Finds the indexed records that match a query, best first.</summary>
    /// <param name="query">The record to look up (for example the demographics of an incoming message); its id is
    /// ignored.</param>
    /// <param name="maxResults">The most matches to return; 0 returns none.</param>
    /// <returns>At most <paramref name="maxResults"/> matches with a decision of at least
    /// <see cref="PatientIndexOptions.MinimumDecision"/>, by descending weight then ordinal id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is negative.</exception>
    /// <remarks>Allocates the result list only; see <see cref="FindMatches(PatientRecord, Span{IndexMatch})"/> for
    /// an overload that allocates nothing.</remarks>
    public IReadOnlyList<IndexMatch> FindMatches(PatientRecord query, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (maxResults < 0)
        {
            PatientIndexThrowHelper.ThrowNegativeMaxResults(nameof(maxResults));
        }

        if (maxResults == 0)
        {
            return [];
        }

        // No lookup scores more than MaxCandidates records, so no more results can exist.
        var buffer = new IndexMatch[Math.Min(maxResults, _maxCandidates)];
        var found = FindMatches(query, buffer);
        return found == buffer.Length ? buffer : buffer.AsSpan(0, found).ToArray();
    }

    /// <summary>Finds the indexed records that match a query, best first, into a caller's buffer.</summary>
    /// <param name="query">The record to look up; its id is ignored.</param>
    /// <param name="destination">Receives the matches; its length is the most returned.</param>
    /// <returns>How many matches were written to the start of <paramref name="destination"/>, by descending weight
    /// then ordinal id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <remarks>Allocates nothing once the calling thread has made a lookup (its first lookup creates the
    /// thread's scratch: a one-record set and a visited-marker array as long as the index, which grows with it).
    /// Entries past the returned count may have been overwritten.</remarks>
    public int FindMatches(PatientRecord query, Span<IndexMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (destination.IsEmpty)
        {
            return 0;
        }

        var scratch = LookupScratch.Current;
        var prepared = scratch.Prepare(query, _recordSetOptions);
        Span<ulong> keys = stackalloc ulong[_rules.Length];
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = _rules[r].GetKey(prepared, 0);
        }

        _lock.EnterReadLock();
        try
        {
            return Collect(prepared, keys, scratch, destination);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private int Collect(RecordSet query, ReadOnlySpan<ulong> keys, LookupScratch scratch, Span<IndexMatch> destination)
    {
        var stamps = scratch.Stamps(_records.Count);
        var generation = scratch.NextGeneration();
        var found = 0;
        var budget = _maxCandidates;
        for (var r = 0; r < keys.Length; r++)
        {
            var count = _postings[r].Find(keys[r], out var single, out var list);
            for (var k = 0; k < count; k++)
            {
                var position = list is null ? single : list[k];
                if (stamps[position] == generation)
                {
                    continue;
                }

                stamps[position] = generation;
                Consider(query, position, destination, ref found);
                if (--budget == 0)
                {
                    return found;
                }
            }
        }

        return found;
    }

    private void Consider(RecordSet query, int position, Span<IndexMatch> destination, ref int found)
    {
        // A candidate must reach the minimum decision and, once the list is full, beat its last entry; one that cannot
        // is not given to the costly comparisons.
        var floor = found == destination.Length ? Math.Max(_weightFloor, destination[found - 1].Score.Weight) : _weightFloor;
        var weight = _model.ScoreUncheckedAtLeast(query, 0, _records, position, floor, out var cap);
        if (found == destination.Length && weight < destination[found - 1].Score.Weight)
        {
            return; // cannot make the list; skip the probability
        }

        var probability = MatchModel.ToProbability(weight);
        var decision = _model.Decide(probability, cap);
        if (decision < _minimumDecision)
        {
            return;
        }

        var match = new IndexMatch(_records.GetId(position)!, new MatchScore(weight, probability, decision));
        int slot;
        if (found < destination.Length)
        {
            slot = found++;
        }
        else if (Precedes(match, destination[found - 1]))
        {
            slot = found - 1;
        }
        else
        {
            return;
        }

        while (slot > 0 && Precedes(match, destination[slot - 1]))
        {
            destination[slot] = destination[slot - 1];
            slot--;
        }

        destination[slot] = match;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Precedes(in IndexMatch a, in IndexMatch b) =>
        a.Score.Weight > b.Score.Weight || (a.Score.Weight == b.Score.Weight && string.CompareOrdinal(a.Id, b.Id) < 0);

    /// <summary>One thread's lookup scratch: prepared query sets (one per preparation options in use, a few at
    /// most) and the visited markers.</summary>
    private sealed class LookupScratch
    {
        private const int QuerySetsKept = 4;

        [ThreadStatic]
        private static LookupScratch? t_current;

        private readonly RecordSet?[] _querySets = new RecordSet?[QuerySetsKept];
        private int _nextReplaced;
        private int[] _stamps = [];
        private int _generation;

        public static LookupScratch Current => t_current ??= new LookupScratch();

        /// <summary>Prepares the query into this thread's one-record set for these options.</summary>
        public RecordSet Prepare(PatientRecord query, RecordSetOptions options)
        {
            var set = Find(options);
            set.Clear();
            set.Append(query);
            return set;
        }

        /// <summary>The visited markers, at least <paramref name="count"/> long.</summary>
        public int[] Stamps(int count)
        {
            if (_stamps.Length < count)
            {
                _stamps = new int[Math.Max(count, _stamps.Length * 2)];
                _generation = 0;
            }

            return _stamps;
        }

        /// <summary>A marker no position holds yet.</summary>
        public int NextGeneration()
        {
            if (_generation == int.MaxValue)
            {
                Array.Clear(_stamps);
                _generation = 0;
            }

            return ++_generation;
        }

        private RecordSet Find(RecordSetOptions options)
        {
            foreach (var set in _querySets)
            {
                if (set is not null && ReferenceEquals(set.Options, options))
                {
                    return set;
                }
            }

            var created = new RecordSet(options, 1);
            _querySets[_nextReplaced] = created;
            _nextReplaced = (_nextReplaced + 1) % QuerySetsKept;
            return created;
        }
    }
}
