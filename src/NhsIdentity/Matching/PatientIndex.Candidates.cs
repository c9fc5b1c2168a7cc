namespace NhsIdentity.Matching;

// Scoring named candidates: for an index that holds rows only, whose candidates were found elsewhere (the partitioned
// index finds them in key grains and asks the row grains holding them to score). The same scoring and keeping as a
// lookup, so the answer over a partition of the candidates merges into the lookup's answer exactly.
public sealed partial class PatientIndex
{
    /// <summary>Scores the indexed records with these ids against a query, best first, exactly as
    /// <see cref="FindMatches(PatientRecord, int)"/> scores and keeps the candidates it gathers: the same weights to the
    /// bit, the same decisions, the same <see cref="PatientIndexOptions.MinimumDecision"/> and order.</summary>
    /// <param name="query">The record to look up; its id is ignored.</param>
    /// <param name="candidateIds">The ids to score; ids not indexed are skipped, and an id named twice is scored once.
    /// The blocking rules and <see cref="PatientIndexOptions.MaxCandidates"/> play no part: the caller chose the
    /// candidates.</param>
    /// <param name="maxResults">The most matches to return; 0 returns none.</param>
    /// <returns>At most <paramref name="maxResults"/> matches, by descending weight then ordinal id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="candidateIds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is negative.</exception>
    /// <remarks>For an index that is one part of a larger one: when the candidates of a lookup are split among several
    /// indexes by id, merging their answers (descending weight, then ordinal id) gives the answer one index holding
    /// every candidate gives.</remarks>
    public IReadOnlyList<IndexMatch> FindMatchesAmong(PatientRecord query, IReadOnlyList<string> candidateIds, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidateIds);
        if (maxResults < 0)
        {
            PatientIndexThrowHelper.ThrowNegativeMaxResults(nameof(maxResults));
        }

        if (maxResults == 0 || candidateIds.Count == 0)
        {
            return [];
        }

        var buffer = new IndexMatch[Math.Min(maxResults, candidateIds.Count)];
        var scratch = LookupScratch.Current;
        var prepared = scratch.Prepare(query, _recordSetOptions);
        var found = 0;
        _lock.EnterReadLock();
        try
        {
            var seen = scratch.Seen(candidateIds.Count);
            foreach (var id in candidateIds)
            {
                if (id is not null && _positionById.TryGetValue(id, out var position) && seen.Add(position))
                {
                    Consider(prepared, position, buffer, ref found);
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return found == buffer.Length ? buffer : buffer.AsSpan(0, found).ToArray();
    }
}
