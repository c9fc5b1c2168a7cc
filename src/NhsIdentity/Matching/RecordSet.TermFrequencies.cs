using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Term frequencies: how often each value a comparison counts (full names, family names, postcodes) occurs among the
// set's own records. A match on SMITH or on a postcode shared by a block of flats is weaker evidence than a match on a
// rare value, and the scorer turns these frequencies into Splink-style term-frequency adjustments. Which values are
// counted is each comparison's definition's to say.
public sealed partial class RecordSet
{
    /// <summary>Measures the frequencies; NaN (no adjustment) when the set is smaller than the options' minimum.</summary>
    internal void ComputeTermFrequencies()
    {
        var visitor = new TermFrequencyVisitor(this, measure: _count >= _options.MinimumRecordsForTermFrequencies);
        ComparisonCatalog.Visit(ref visitor);
    }

    /// <summary>log2 of the value's share of the set (stored as a logarithm so scoring needs no Math.Log2 per
    /// pair), or NaN when there is no value.</summary>
    private static float Log2Frequency(Dictionary<ulong, int> counts, ulong key, int total) =>
        key == 0 || total == 0 ? float.NaN : (float)Math.Log2((double)counts[key] / total);

    private readonly struct TermFrequencyVisitor(RecordSet set, bool measure) : IComparisonVisitor
    {
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            var rows = set._rows.AsSpan(0, set._count);
            var bit = 1 << (int)T.Kind;
            for (var feature = 0; feature < T.TermFrequencyFeatures; feature++)
            {
                if (!measure)
                {
                    foreach (ref var row in rows)
                    {
                        T.Log2FrequencyOf(feature, ref row) = float.NaN;
                    }

                    continue;
                }

                var counts = new Dictionary<ulong, int>(rows.Length);
                var total = 0;
                foreach (ref readonly var row in rows)
                {
                    var key = (row.Present & bit) == 0 ? 0 : T.TermFrequencyKey(feature, in row);
                    if (key != 0)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
                        total++;
                    }
                }

                foreach (ref var row in rows)
                {
                    var key = (row.Present & bit) == 0 ? 0 : T.TermFrequencyKey(feature, in row);
                    T.Log2FrequencyOf(feature, ref row) = Log2Frequency(counts, key, total);
                }
            }
        }
    }
}
