using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>
/// The index against a brute-force oracle: after a random sequence of adds, updates and removes, every lookup
/// equals scoring each surviving record in a freshly built <see cref="RecordSet"/>, keeping those that some blocking
/// rule pairs with the query and whose decision reaches the minimum, sorted by weight then id.
/// </summary>
public sealed class PatientIndexProperties
{
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 60)]
    public Property Lookups_equal_brute_force_scoring_of_the_blocked_records() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var numbers = new NhsNumberGenerator(seed);
            var minimum = (MatchDecision)random.Next(3);
            using var index = new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with { MinimumDecision = minimum });
            var live = new Dictionary<string, PatientRecord>(StringComparer.Ordinal);
            IndexPeople.Churn(index, live, random, numbers, operations: random.Next(1, 120), distinctIds: 40);

            if (index.Count != live.Count)
            {
                return false.Label("count " + index.Count + " != " + live.Count);
            }

            var records = live.Values.ToArray();
            var set = new RecordSet(records);
            for (var q = 0; q < 8; q++)
            {
                var query = random.Next(2) == 0 && records.Length > 0
                    ? IndexPeople.Noisy(random, records[random.Next(records.Length)], "query")
                    : IndexPeople.Person(random, numbers, "query");
                var maxResults = 1 + random.Next(6);
                var expected = BruteForce(set, query, minimum).Take(maxResults).ToArray();
                var actual = index.FindMatches(query, maxResults);
                if (!expected.SequenceEqual(actual))
                {
                    return false.Label("query " + q + ": expected " + string.Join(", ", expected) + " but got " + string.Join(", ", actual));
                }
            }

            return true.ToProperty();
        });

    /// <summary>Every record of <paramref name="set"/> that some default rule blocks with the query, scored.</summary>
    private static IEnumerable<IndexMatch> BruteForce(RecordSet set, PatientRecord query, MatchDecision minimum)
    {
        var querySet = new RecordSet([query]);
        var matches = new List<IndexMatch>();
        for (var j = 0; j < set.Count; j++)
        {
            var blocked = false;
            foreach (var rule in PatientIndexOptions.Default.BlockingRules)
            {
                var key = rule.GetKey(querySet, 0);
                blocked |= key != 0 && key == rule.GetKey(set, j);
            }

            var score = MatchModel.Default.Score(querySet, 0, set, j);
            if (blocked && score.Decision >= minimum)
            {
                matches.Add(new IndexMatch(set.GetId(j)!, score));
            }
        }

        return matches.OrderByDescending(m => m.Score.Weight).ThenBy(m => m.Id, StringComparer.Ordinal);
    }
}
