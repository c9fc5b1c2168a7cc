using System.Collections.Concurrent;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>
/// Four readers and one writer on one index, for a fixed number of iterations (no time limits). The writer flips
/// "churn" records between two unrelated people, removes and re-adds them (each removal moves the last record,
/// often a stable one, to a new position). Readers check that every result is one some serial order would give:
/// a stable record is always found with the weight it had before the threads started, and a churn record, when
/// found, carries exactly the weight of the version the query copies, never a mix.
/// </summary>
public sealed class PatientIndexConcurrencyTests
{
    private const int Readers = 4;
    private const int ReaderIterations = 400;
    private const int WriterIterations = 1500;
    private const int StableCount = 200;
    private const int ChurnCount = 20;

    [Fact]
    public void Concurrent_lookups_see_every_write_whole()
    {
        var random = new Random(21);
        var numbers = new NhsNumberGenerator(21);
        using var index = new PatientIndex(MatchModel.Default);
        var stable = new PatientRecord[StableCount];
        for (var i = 0; i < stable.Length; i++)
        {
            index.AddOrUpdate(stable[i] = IndexPeople.Person(random, numbers, "S" + i));
        }

        // Version A of each churn record is a variant of a distinct invented person; version B is someone else.
        var versionA = new PatientRecord[ChurnCount];
        var versionB = new PatientRecord[ChurnCount];
        for (var i = 0; i < ChurnCount; i++)
        {
            versionA[i] = MatchModelScoringTests.Alice.With(id: "C" + i, nhs: numbers.Next().ToString(), given: "Zara" + (char)('a' + i),
                family: "Quillfeather", dob: "0" + (1 + (i % 9)) + "/11/1990", postcode: "TR1 1UH");
            versionB[i] = versionA[i].With(nhs: numbers.Next().ToString(), given: "Moritz", family: "Vandersloot", dob: "17/06/1944",
                sex: "M", postcode: "IV1 1AA", address: "9 Harbour Street");
        }

        var expectedStable = stable.Select(s => index.FindMatches(s, 1)[0].Score.Weight).ToArray();
        var expectedChurn = versionA.Select(a => MatchModel.Default.Score(a, a).Weight).ToArray();
        foreach (var a in versionA)
        {
            index.AddOrUpdate(a);
        }

        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(Readers + 1);
        var threads = new List<Thread>();
        for (var t = 0; t < Readers; t++)
        {
            var seed = t;
            threads.Add(new Thread(() => Read(index, stable, versionA, expectedStable, expectedChurn, seed, start, failures)));
        }

        threads.Add(new Thread(() => Write(index, versionA, versionB, start, failures)));
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(StableCount + ChurnCount, index.Count);
    }

    private static void Read(PatientIndex index, PatientRecord[] stable, PatientRecord[] versionA, double[] expectedStable,
        double[] expectedChurn, int seed, Barrier start, ConcurrentQueue<string> failures)
    {
        var random = new Random(seed);
        var buffer = new IndexMatch[8];
        start.SignalAndWait();
        try
        {
            for (var n = 0; n < ReaderIterations; n++)
            {
                var s = random.Next(stable.Length);
                var found = index.FindMatches(stable[s], buffer);
                if (!buffer.AsSpan(0, found).ToArray().Any(m => m.Id == stable[s].Id && m.Score.Weight == expectedStable[s]))
                {
                    failures.Enqueue("stable record " + s + " not found with its weight");
                }

                var c = random.Next(versionA.Length);
                foreach (var match in index.FindMatches(versionA[c], 8))
                {
                    if (match.Id == versionA[c].Id && match.Score.Weight != expectedChurn[c])
                    {
                        failures.Enqueue("churn record " + c + " found with weight " + match.Score.Weight);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Enqueue("reader threw " + e.GetType().Name);
        }
    }

    private static void Write(PatientIndex index, PatientRecord[] versionA, PatientRecord[] versionB, Barrier start, ConcurrentQueue<string> failures)
    {
        var random = new Random(99);
        start.SignalAndWait();
        try
        {
            for (var n = 0; n < WriterIterations; n++)
            {
                var c = random.Next(versionA.Length);
                switch (n % 3)
                {
                    case 0:
                        index.AddOrUpdate(versionB[c]);
                        break;
                    case 1:
                        index.Remove(versionA[c].Id!);
                        break;
                    default:
                        index.AddOrUpdate(versionA[c]);
                        break;
                }
            }

            // Leave every churn record present, as version A, so the final count is known.
            foreach (var a in versionA)
            {
                index.AddOrUpdate(a);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Enqueue("writer threw " + e.GetType().Name);
        }
    }
}
