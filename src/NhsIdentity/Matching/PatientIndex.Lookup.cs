using System.Runtime.CompilerServices;
using NhsIdentity.Internal;

namespace NhsIdentity.Matching;

// Lookups: prepare the query into per-thread scratch, take the read lock, gather the distinct records the query's
// keys select under each rule (a per-lookup set, so nothing is cleared per lookup), asking for their memory ahead of
// use, then score each once and keep the best in the caller's span by insertion (result counts are small).
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
    /// thread's scratch: a one-record set and candidate buffers sized for the largest lookup so far, which grow, by
    /// doubling, only when a lookup selects more candidates than any before it on that thread).
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
            keys[r] = _rules[r].GetKeyUnchecked(prepared, 0);
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
        var candidates = Gather(keys, scratch);

        // Rows far apart in a large index are each a cache miss. Gathering asked for every candidate's row; here each
        // row's name text is asked for a few candidates ahead (its row has arrived by then), so the misses overlap
        // instead of queueing behind the scoring.
        for (var k = 0; k < Math.Min(TextAhead, candidates.Length); k++)
        {
            _records.PrefetchText(candidates[k]);
        }

        var found = 0;
        for (var k = 0; k < candidates.Length; k++)
        {
            if (k + TextAhead < candidates.Length)
            {
                _records.PrefetchText(candidates[k + TextAhead]);
            }

            Consider(query, candidates[k], destination, ref found);
        }

        return found;
    }

    private const int TextAhead = 3;

    /// <summary>The distinct positions the query's keys select, rule by rule, at most <see cref="_maxCandidates"/>;
    /// every one's row has been asked for.</summary>
    private ReadOnlySpan<int> Gather(ReadOnlySpan<ulong> keys, LookupScratch scratch)
    {
        // Each rule's table is a cache miss at a million records, and so is each shared key's list: ask for all the
        // slots, then for all the lists, so that the misses of one stage overlap instead of following one another.
        for (var r = 0; r < keys.Length; r++)
        {
            _postings[r].Prefetch(keys[r]);
        }

        Span<int> counts = stackalloc int[keys.Length];
        Span<int> singles = stackalloc int[keys.Length];
        var lists = scratch.Lists(keys.Length);
        for (var r = 0; r < keys.Length; r++)
        {
            counts[r] = _postings[r].Find(keys[r], out singles[r], out lists[r]);
            if (lists[r] is { } list)
            {
                CachePrefetch.Lines(in list[0], Math.Min(counts[r], 48) * sizeof(int));
            }
        }

        // Sized by what this lookup's keys select, not by the index: a few dozen candidates stay in a small table.
        var postings = 0L;
        foreach (var count in counts)
        {
            postings += count;
        }

        var most = (int)Math.Min(_maxCandidates, postings);
        var seen = scratch.Seen(most);
        var candidates = scratch.Candidates(most);
        var gathered = 0;
        for (var r = 0; r < keys.Length && gathered < most; r++)
        {
            var list = lists[r];
            for (var k = 0; k < counts[r]; k++)
            {
                var position = list is null ? singles[r] : list[k];
                if (seen.Add(position))
                {
                    _records.PrefetchRow(position);
                    candidates[gathered++] = position;
                    if (gathered == most)
                    {
                        break;
                    }
                }
            }
        }

        Array.Clear(lists, 0, keys.Length); // hold no list past the lookup
        return candidates.AsSpan(0, gathered);
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
    /// most), the candidate buffers and the candidate set.</summary>
    private sealed class LookupScratch
    {
        private const int QuerySetsKept = 4;

        [ThreadStatic]
        private static LookupScratch? t_current;

        private readonly RecordSet?[] _querySets = new RecordSet?[QuerySetsKept];
        private int _nextReplaced;
        private readonly CandidateSet _seen = new();
        private int[] _candidates = [];
        private int[]?[] _lists = [];

        public static LookupScratch Current => t_current ??= new LookupScratch();

        /// <summary>Prepares the query into this thread's one-record set for these options.</summary>
        public RecordSet Prepare(PatientRecord query, RecordSetOptions options)
        {
            var set = Find(options);
            set.Clear();
            set.Append(query);
            return set;
        }

        /// <summary>The set of positions already gathered by this lookup, emptied, for up to
        /// <paramref name="count"/> positions.</summary>
        public CandidateSet Seen(int count)
        {
            _seen.Reset(count);
            return _seen;
        }

        /// <summary>A buffer for each rule's posting list, at least <paramref name="count"/> long.</summary>
        public int[]?[] Lists(int count)
        {
            if (_lists.Length < count)
            {
                _lists = new int[]?[count];
            }

            return _lists;
        }

        /// <summary>A buffer for a lookup's candidate positions, at least <paramref name="count"/> long.</summary>
        public int[] Candidates(int count)
        {
            if (_candidates.Length < count)
            {
                // Doubling: a thread whose lookups select slowly more candidates allocates a few times, not each time.
                _candidates = new int[Math.Max(count, Math.Min(_candidates.Length * 2, Array.MaxLength))];
            }

            return _candidates;
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
