using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

public sealed partial class SplinkModel
{
    /// <summary>
    /// The pairs the model's usable blocking rules generate, as Splink generates them: each rule's equi-join on its
    /// columns (NULL never equals NULL), a pair kept only by the first rule that generates it. Rules that are not
    /// supported (<see cref="SplinkBlockingRule.IsSupported"/>) are skipped.
    /// </summary>
    /// <param name="left">The records to link from, or the one set to deduplicate.</param>
    /// <param name="right">The records to link to; null to deduplicate <paramref name="left"/> (pairs i &lt; j).</param>
    /// <returns>Pairs of positions (left, right).</returns>
    public IEnumerable<(int Left, int Right)> CandidatePairs(SplinkRecordSet left, SplinkRecordSet? right = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        var dedupe = right is null;
        right ??= left;
        var rules = BlockingRules.Where(r => r.IsSupported).ToArray();
        for (var k = 0; k < rules.Length; k++)
        {
            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var j = 0; j < right.Count; j++)
            {
                var key = KeyOf(right.Features[j], rules[k].Slots);
                if (key is null)
                {
                    continue;
                }

                if (!index.TryGetValue(key, out var bucket))
                {
                    index.Add(key, bucket = []);
                }

                bucket.Add(j);
            }

            for (var i = 0; i < left.Count; i++)
            {
                var key = KeyOf(left.Features[i], rules[k].Slots);
                if (key is null || !index.TryGetValue(key, out var bucket))
                {
                    continue;
                }

                foreach (var j in bucket)
                {
                    if ((dedupe && j <= i) || GeneratedEarlier(rules, k, left.Features[i], right.Features[j]))
                    {
                        continue;
                    }

                    yield return (i, j);
                }
            }
        }
    }

    private static bool GeneratedEarlier(SplinkBlockingRule[] rules, int rule, SqlValue[] a, SqlValue[] b)
    {
        for (var k = 0; k < rule; k++)
        {
            var key = KeyOf(a, rules[k].Slots);
            if (key is not null && key == KeyOf(b, rules[k].Slots))
            {
                return true;
            }
        }

        return false;
    }

    private static string? KeyOf(SqlValue[] features, int[] slots)
    {
        var parts = new string[slots.Length];
        for (var s = 0; s < slots.Length; s++)
        {
            var value = features[slots[s]];
            if (value.IsNull || value.Kind == SqlValueKind.Error)
            {
                return null;
            }

            parts[s] = SqlComparison.ToText(value);
        }

        return string.Join('\u001f', parts);
    }
}
