using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>The in-place changes the index makes to its <see cref="RecordSet"/> leave it equal to a set built
/// from the surviving records: same field counts, same features (scores), even after the arena is compacted.</summary>
public sealed class RecordSetMutationTests
{
    [Fact]
    public void Replace_and_remove_keep_counts_and_features_equal_to_a_fresh_set()
    {
        var random = new Random(3);
        var numbers = new NhsNumberGenerator(3);
        var set = new RecordSet(RecordSetOptions.Default, 4);
        var live = new List<PatientRecord>();
        var compacted = false;
        for (var op = 0; op < 2000; op++)
        {
            var choice = random.Next(3);
            if (choice == 0 || live.Count == 0)
            {
                // Some records carry invalid or placeholder values so every field state is counted and uncounted.
                var person = IndexPeople.Person(random, numbers, "R" + op, withNhsNumber: random.Next(3) != 0);
                person = random.Next(4) == 0 ? person.With(nhs: "1234567890", dob: "not a date", postcode: "ZZ99 3VZ") : person;

                // Every comparison that keeps text in the arena, and the GP practice, takes part in compaction.
                person = person with { LocalIdentifier = "RX" + op, GpPracticeCode = "B8600" + (op % 9) };
                live.Add(person);
                set.AppendTracked(person);
            }
            else if (choice == 1)
            {
                var i = random.Next(live.Count);
                live[i] = IndexPeople.Noisy(random, live[i]).With(address: "Flat " + op + ", Long Road");
                set.ReplaceAt(i, live[i]);
            }
            else
            {
                var i = random.Next(live.Count);
                live[i] = live[^1];
                live.RemoveAt(live.Count - 1);
                set.RemoveAtByMovingLast(i);
            }

            compacted |= set.CompactArenaIfWasteful();
        }

        Assert.True(compacted, "the test should exercise arena compaction");
        Assert.True(set.ArenaWaste <= set.ArenaLength);
        var fresh = new RecordSet(live, RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = int.MaxValue });
        Assert.Equal(fresh.Count, set.Count);
        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            Assert.Equal(fresh.GetCounts(kind), set.GetCounts(kind));
        }

        var probe = new RecordSet(live.Take(50));
        for (var i = 0; i < set.Count; i++)
        {
            Assert.Equal(fresh.GetId(i), set.GetId(i));
            Assert.True(set.Given(i).SequenceEqual(fresh.Given(i)));
            Assert.True(set.FamilyTokens(in set.Row(i)).SequenceEqual(fresh.FamilyTokens(in fresh.Row(i))));
            Assert.True(set.AddressTokens(in set.Row(i)).SequenceEqual(fresh.AddressTokens(in fresh.Row(i))));
            for (var p = 0; p < probe.Count; p += 7)
            {
                Assert.Equal(MatchModel.Default.Score(probe, p, fresh, i), MatchModel.Default.Score(probe, p, set, i));
                foreach (var definition in ComparisonDefinition.All)
                {
                    Assert.Equal(PairComparer.Compare(definition.Kind, probe, p, fresh, i), PairComparer.Compare(definition.Kind, probe, p, set, i));
                }
            }
        }
    }

    [Fact]
    public void Clear_forgets_records_and_counts()
    {
        var set = new RecordSet([MatchModelScoringTests.Alice]);
        set.Clear();
        Assert.Equal(0, set.Count);
        Assert.Equal(default, set.GetCounts(ComparisonKind.Name));
        set.Append(MatchModelScoringTests.Alice);
        Assert.Equal(1, set.GetCounts(ComparisonKind.Name).Present);
    }
}
