using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Term frequencies: how often each value a comparison counts (full names, family names, postcodes) occurs among a set
// of records. A match on SMITH or on a postcode shared by a block of flats is weaker evidence than a match on a rare
// value, and the scorer turns these frequencies into Splink-style term-frequency adjustments. Which values are
// counted is each comparison's definition's to say. Counting and applying are separate steps so that the counts can
// come from elsewhere (a TermFrequencyTable measured over a whole index whose records are spread over many machines).
public sealed partial class RecordSet
{
    /// <summary>Measures the frequencies among the set's own records and applies them; NaN (no adjustment) when the
    /// set is smaller than the options' minimum.</summary>
    /// <remarks>Each feature's counts are applied and dropped before the next is counted, so a large set holds one
    /// feature's table at a time, not all of them.</remarks>
    internal void ComputeTermFrequencies()
    {
        if (_count < _options.MinimumRecordsForTermFrequencies)
        {
            // Too few records to measure anything: no adjustment (rows copied by Combine may hold another set's).
            var unmeasured = new ApplyingVisitor(this, table: null);
            ComparisonCatalog.Visit(ref unmeasured);
            return;
        }

        var visitor = new CountingVisitor(this, kept: null, apply: true);
        ComparisonCatalog.Visit(ref visitor);
    }

    /// <summary>Counts every term-frequency value among the set's records (nothing when the set is smaller than the
    /// options' minimum).</summary>
    internal TermFrequencyTable CountTermFrequencies()
    {
        List<TermFrequencyTable.Feature>? features = null;
        if (_count >= _options.MinimumRecordsForTermFrequencies)
        {
            features = [];
            var visitor = new CountingVisitor(this, features, apply: false);
            ComparisonCatalog.Visit(ref visitor);
        }

        return new TermFrequencyTable(PreparationFingerprint(_options), _count, features);
    }

    /// <summary>Sets every record's frequencies from a table: log2 of the value's share of its feature's total, or
    /// NaN (no adjustment) when the table was not measured, the record has no value, or the table never saw it.</summary>
    internal void ApplyTermFrequencies(TermFrequencyTable table)
    {
        var visitor = new ApplyingVisitor(this, table);
        ComparisonCatalog.Visit(ref visitor);
    }

    /// <summary>log2 of the value's share of the set (stored as a logarithm so scoring needs no Math.Log2 per
    /// pair), or NaN when there is no value or it was never counted.</summary>
    private static float Log2Frequency(Dictionary<ulong, int> counts, ulong key, int total) =>
        key == 0 || total == 0 || !counts.TryGetValue(key, out var count) ? float.NaN : (float)Math.Log2((double)count / total);

    private static ulong TermFrequencyKey<T>(int feature, in PreparedRow row)
        where T : struct, IComparisonDefinition =>
        (row.Present & (1 << (int)T.Kind)) == 0 ? 0 : T.TermFrequencyKey(feature, in row);

    /// <summary>Counts each feature's values; keeps the counts in <paramref name="kept"/> when given, and sets the
    /// records' frequencies from them at once when <paramref name="apply"/>.</summary>
    private readonly struct CountingVisitor(RecordSet set, List<TermFrequencyTable.Feature>? kept, bool apply) : IComparisonVisitor
    {
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            var rows = set._rows.AsSpan(0, set._count);
            for (var feature = 0; feature < T.TermFrequencyFeatures; feature++)
            {
                var counts = new Dictionary<ulong, int>(rows.Length);
                var total = 0;
                foreach (ref readonly var row in rows)
                {
                    var key = TermFrequencyKey<T>(feature, in row);
                    if (key != 0)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
                        total++;
                    }
                }

                kept?.Add(new TermFrequencyTable.Feature(T.Kind, feature, counts, total));
                if (apply)
                {
                    foreach (ref var row in rows)
                    {
                        T.Log2FrequencyOf(feature, ref row) = Log2Frequency(counts, TermFrequencyKey<T>(feature, in row), total);
                    }
                }
            }
        }
    }

    /// <summary>Sets the records' frequencies from a table; NaN (no adjustment) for every feature when there is none.</summary>
    private readonly struct ApplyingVisitor(RecordSet set, TermFrequencyTable? table) : IComparisonVisitor
    {
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            var rows = set._rows.AsSpan(0, set._count);
            for (var feature = 0; feature < T.TermFrequencyFeatures; feature++)
            {
                if (table is null || !table.TryGetFeature(T.Kind, feature, out var counts, out var total))
                {
                    foreach (ref var row in rows)
                    {
                        T.Log2FrequencyOf(feature, ref row) = float.NaN;
                    }

                    continue;
                }

                foreach (ref var row in rows)
                {
                    T.Log2FrequencyOf(feature, ref row) = Log2Frequency(counts, TermFrequencyKey<T>(feature, in row), total);
                }
            }
        }
    }
}
