using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Tests;

/// <summary>The differential comparison: every query's cluster answer equals the single node's, whole (ids in order,
/// weights and probabilities to the bit, decisions), and is complete (not degraded).</summary>
internal static class OracleComparison
{
    /// <summary>Compares every query; returns how many answers held at least one match.</summary>
    public static async Task<int> AssertSameAsync(ClusterPatientIndex cluster, PatientIndex single, IReadOnlyList<PatientRecord> queries, int maxResults)
    {
        var actual = new ClusterMatchResult[queries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, queries.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => actual[i] = await cluster.FindMatchesAsync(queries[i], maxResults));
        var withMatches = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            Assert.False(actual[i].IsDegraded, $"lookup {i} was degraded ({actual[i].BucketsUnanswered} of {actual[i].BucketsAsked} buckets unanswered)");
            var want = single.FindMatches(queries[i], maxResults);
            if (!want.SequenceEqual(actual[i].Matches))
            {
                Assert.Fail($"lookup {i}: the cluster answered {Describe(actual[i].Matches)}, the single node {Describe(want)}");
            }

            withMatches += want.Count > 0 ? 1 : 0;
        }

        return withMatches;
    }

    /// <summary>Ids (supplier row keys) and weights as exact bits: never the records' contents.</summary>
    public static string Describe(IReadOnlyList<IndexMatch> matches) =>
        "[" + string.Join(", ", matches.Select(m => $"{m.Id}:{BitConverter.DoubleToInt64Bits(m.Score.Weight):X}:{m.Score.Decision}")) + "]";
}
