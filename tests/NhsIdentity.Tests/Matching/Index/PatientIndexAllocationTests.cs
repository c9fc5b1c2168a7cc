using NhsIdentity.Matching;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>The span lookup allocates nothing once the thread's scratch exists (the first lookup on a thread
/// creates it: a one-record set and the candidate buffers; the read lock caches a per-thread counter).</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class PatientIndexAllocationTests
{
    [Fact]
    public void Span_lookup_allocates_nothing_after_warm_up()
    {
        var random = new Random(8);
        var numbers = new NhsNumberGenerator(8);
        using var index = new PatientIndex(MatchModel.Default);
        var people = new PatientRecord[500];
        for (var i = 0; i < people.Length; i++)
        {
            index.AddOrUpdate(people[i] = IndexPeople.Person(random, numbers, "P" + i));
        }

        index.AddOrUpdate(MatchModelScoringTests.Alice);
        var queries = people.Take(20).Select(p => IndexPeople.Noisy(random, p, "q")).Append(MatchModelScoringTests.Alice).ToArray();
        var destination = new IndexMatch[10];
        var sink = 0;
        var allocated = Allocations.Measure(() =>
        {
            foreach (var query in queries)
            {
                sink += index.FindMatches(query, destination);
            }
        }, 200);

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }
}
