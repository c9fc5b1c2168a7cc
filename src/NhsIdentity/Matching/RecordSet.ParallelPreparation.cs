using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Preparing a large extract on all cores, with the set a single thread makes, byte for byte. Each share of the records
// is prepared by one thread straight into its rows of the set; what a preparation appends (name and address text) goes
// to the share's own arena, and the shares' arenas are then joined in order and each share's rows moved by its
// offset: the text lands where a single thread would have put it. Field counts are added up; term frequencies are
// measured once, over all the records, afterwards.
public sealed partial class RecordSet
{
    /// <summary>Records prepared by one thread at a time: enough to amortise a share's arena (a few milliseconds).</summary>
    internal const int RecordsPerShare = 8_192;

    /// <summary>Fewer records than this are prepared on the calling thread (no share would pay for its start).</summary>
    internal const int ParallelPreparationThreshold = 2 * RecordsPerShare;

    /// <summary>Prepares <paramref name="records"/> after the set's last record, on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads (-1: all), <paramref name="recordsPerShare"/> records to a
    /// thread at a time (tests make it small to have many shares of a few records).</summary>
    internal void AppendAll(IReadOnlyList<PatientRecord> records, int maxDegreeOfParallelism, int recordsPerShare = RecordsPerShare)
    {
        if (records.Count < 2 * recordsPerShare || maxDegreeOfParallelism == 1)
        {
            foreach (var record in records)
            {
                ArgumentNullException.ThrowIfNull(record, nameof(records));
                Append(record);
            }

            return;
        }

        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
        }

        var first = _count;
        EnsureCapacity(checked(first + records.Count));
        var shares = new RecordSet[(records.Count + recordsPerShare - 1) / recordsPerShare];
        Parallel.For(0, shares.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, s =>
        {
            var start = s * recordsPerShare;
            var end = Math.Min(records.Count, start + recordsPerShare);

            // The share holds the appended text and the counts; its rows are unused (capacity 1).
            var share = new RecordSet(_options, 1);
            for (var index = start; index < end; index++)
            {
                var record = records[index];
                _ids[first + index] = record.Id;
                Prepare(share, record, ref _rows[first + index]);
            }

            shares[s] = share;
        });

        var arenaLength = _arenaLength;
        foreach (var share in shares)
        {
            arenaLength = checked(arenaLength + share._arenaLength);
        }

        if (_arena.Length < arenaLength)
        {
            // Appending batch after batch (RecordSetBuilder): the text already there is kept, and the arena at least
            // doubles so that a million records in batches copy it a handful of times, not once a batch.
            Array.Resize(ref _arena, (int)Math.Min(Array.MaxLength, Math.Max(arenaLength, 2L * _arena.Length)));
        }

        for (var s = 0; s < shares.Length; s++)
        {
            var share = shares[s];
            var offset = _arenaLength;
            share._arena.AsSpan(0, share._arenaLength).CopyTo(_arena.AsSpan(offset));
            _arenaLength += share._arenaLength;
            var end = first + Math.Min(records.Count, (s + 1) * recordsPerShare);
            for (var index = first + (s * recordsPerShare); index < end && offset != 0; index++)
            {
                var visitor = new ArenaOffsetVisitor(ref _rows[index], offset);
                ComparisonCatalog.Visit(ref visitor);
            }

            for (var slot = 0; slot < _counts.Length; slot++)
            {
                _counts[slot] += share._counts[slot];
            }
        }

        _count = first + records.Count;
    }
}
