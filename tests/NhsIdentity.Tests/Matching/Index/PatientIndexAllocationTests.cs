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

    [Fact]
    public void Span_lookup_allocates_nothing_after_the_index_grows()
    {
        // The lookup's buffers are sized by what a query's keys select, not by the index: records added after
        // warm-up that share no key with the queries must not make the next lookups allocate.
        var random = new Random(9);
        var numbers = new NhsNumberGenerator(9);
        using var index = new PatientIndex(MatchModel.Default);
        var people = new PatientRecord[300];
        for (var i = 0; i < people.Length; i++)
        {
            index.AddOrUpdate(people[i] = IndexPeople.Person(random, numbers, "P" + i));
        }

        var queries = people.Take(20).Select(p => IndexPeople.Noisy(random, p, "q")).ToArray();
        var destination = new IndexMatch[10];
        var sink = 0;
        void LookUp()
        {
            foreach (var query in queries)
            {
                sink += index.FindMatches(query, destination);
            }
        }

        LookUp();
        LookUp();

        // Allocations.Measure warms up inside, which would hide a buffer regrown once per growth of the index, so each
        // round here grows the index first. A per-growth allocation shows in every round; the runtime's one-off work
        // (a method tiering up) in one round at most.
        var fewest = long.MaxValue;
        for (var round = 0; round < 5 && fewest != 0; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                index.AddOrUpdate(new PatientRecord
                {
                    Id = "unrelated-" + round + "-" + i, GivenNames = "Zebedee" + i, FamilyName = "Quorn" + round + "x" + i,
                    DateOfBirth = "02/02/1902", Postcode = "ZE2 9" + (char)('A' + (i % 20)) + "B",
                });
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            LookUp();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
        Assert.True(sink > 0);
    }
}
