using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Index;

public sealed class PatientIndexTests
{
    // Invented people; 999-range NHS numbers only.
    private static readonly PatientRecord Alice = MatchModelScoringTests.Alice;

    private static readonly PatientRecord Unrelated = new()
    {
        Id = "Q1", NhsNumber = "999 000 0026", GivenNames = "Oluwaseun", FamilyName = "Abernethy", DateOfBirth = "02/07/1931",
        Sex = "M", Postcode = "TR1 1UH",
    };

    private static PatientIndex Populated(int others = 300, int seed = 11)
    {
        var index = new PatientIndex(MatchModel.Default);
        var random = new Random(seed);
        var numbers = new NhsNumberGenerator(seed);
        for (var i = 0; i < others; i++)
        {
            index.AddOrUpdate(IndexPeople.Person(random, numbers, "P" + i));
        }

        index.AddOrUpdate(Alice);
        return index;
    }

    [Fact]
    public void An_exact_duplicate_is_found_first_as_a_match()
    {
        using var index = Populated();
        var matches = index.FindMatches(Alice.With(id: "message-1"), 5);
        Assert.NotEmpty(matches);
        Assert.Equal("A1", matches[0].Id);
        Assert.Equal(MatchDecision.Match, matches[0].Score.Decision);
        Assert.Equal(MatchModel.Default.Score(Alice, Alice).Weight, matches[0].Score.Weight, 9);
    }

    [Fact]
    public void A_noisy_duplicate_without_an_nhs_number_is_found()
    {
        using var index = Populated();
        var noisy = Alice.With(nhs: "", given: "ALICE", family: "Pembertn", dob: "1987-03-14", postcode: "ls14ap", address: "");
        var matches = index.FindMatches(noisy, 5);
        Assert.NotEmpty(matches);
        Assert.Equal("A1", matches[0].Id);
        Assert.True(matches[0].Score.Decision >= MatchDecision.Review);
    }

    [Fact]
    public void An_unrelated_query_finds_nothing()
    {
        using var index = Populated();
        Assert.Empty(index.FindMatches(Unrelated, 10));
        Assert.Equal(0, index.FindMatches(Unrelated, new IndexMatch[10]));
    }

    [Fact]
    public void Update_replaces_the_old_version()
    {
        using var index = Populated();
        var moved = Alice.With(nhs: "999 000 0034", family: "Lindqvist", dob: "05/09/1962", postcode: "EX1 1HS", address: "1 Cathedral Close");
        Assert.False(index.AddOrUpdate(moved));
        Assert.Equal(301, index.Count);

        Assert.DoesNotContain(index.FindMatches(Alice, 50), m => m.Id == "A1");
        var found = index.FindMatches(moved, 5);
        Assert.Equal("A1", Assert.Single(found, m => m.Score.Decision == MatchDecision.Match).Id);
    }

    [Fact]
    public void Remove_removes_and_reports_whether_it_did()
    {
        using var index = Populated();
        Assert.True(index.Contains("A1"));
        Assert.True(index.Remove("A1"));
        Assert.False(index.Contains("A1"));
        Assert.Equal(300, index.Count);
        Assert.DoesNotContain(index.FindMatches(Alice, 50), m => m.Id == "A1");
        Assert.False(index.Remove("A1"));

        // Every other record is still found by an exact copy of itself after the last record moved into A1's place.
        var random = new Random(11);
        var numbers = new NhsNumberGenerator(11);
        for (var i = 0; i < 300; i++)
        {
            var person = IndexPeople.Person(random, numbers, "P" + i);
            Assert.Contains(index.FindMatches(person, 20), m => m.Id == person.Id);
        }
    }

    [Fact]
    public void Results_are_sorted_by_weight_then_id_and_capped()
    {
        using var index = new PatientIndex(MatchModel.Default);
        index.AddOrUpdate(Alice.With(id: "A9"));
        index.AddOrUpdate(Alice.With(id: "A8"));
        index.AddOrUpdate(Alice.With(id: "A7", given: "Alicia"));
        index.AddOrUpdate(Alice.With(id: "A6", postcode: "LS1 4AQ"));
        index.AddOrUpdate(Alice.With(id: "A5", nhs: "", family: "Pemberten"));
        index.AddOrUpdate(Alice.With(id: "A4", nhs: "", dob: "03/04/1987"));

        var all = index.FindMatches(Alice, 100);
        Assert.Equal(6, all.Count);
        Assert.Equal(["A8", "A9"], new[] { all[0].Id, all[1].Id }); // equal weights: ordinal id order
        Assert.Equal(all[0].Score.Weight, all[1].Score.Weight);
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True(all[i - 1].Score.Weight > all[i].Score.Weight
                || (all[i - 1].Score.Weight == all[i].Score.Weight && string.CompareOrdinal(all[i - 1].Id, all[i].Id) < 0));
        }

        Assert.Equal(all.Take(3), index.FindMatches(Alice, 3));
        var span = new IndexMatch[4];
        Assert.Equal(4, index.FindMatches(Alice, span));
        Assert.Equal(all.Take(4), span);
        Assert.Empty(index.FindMatches(Alice, 0));
    }

    [Fact]
    public void Minimum_decision_filters_and_non_match_returns_every_candidate()
    {
        var options = PatientIndexOptions.Default with { MinimumDecision = MatchDecision.NonMatch };
        using var everything = new PatientIndex(MatchModel.Default, options);
        using var matchesOnly = new PatientIndex(MatchModel.Default, options with { MinimumDecision = MatchDecision.Match });
        var sibling = Alice.With(id: "S1", nhs: "", given: "Bartholomew", sex: "M", local: "RX1000999");
        foreach (var index in new[] { everything, matchesOnly })
        {
            index.AddOrUpdate(Alice);
            index.AddOrUpdate(sibling);
        }

        var query = Alice.With(nhs: "");
        Assert.Equal(["A1", "S1"], everything.FindMatches(query, 10).Select(m => m.Id));
        Assert.NotEqual(MatchDecision.Match, everything.FindMatches(query, 10)[1].Score.Decision); // identity evidence
        Assert.Equal(["A1"], matchesOnly.FindMatches(query, 10).Select(m => m.Id));
    }

    [Fact]
    public void The_index_defaults_leave_out_the_date_of_birth_alone_which_can_be_added_back()
    {
        // Both names, the postcode, the address and the identifiers differ: only the date of birth is shared, so only
        // the "dob" rule selects this pair.
        var query = Alice.With(id: "message-1", nhs: "", given: "Mary", family: "Hardcastle", postcode: "LS2 9JT", address: "3 Park Road, Leeds", local: "");
        var everyCandidate = PatientIndexOptions.Default with { MinimumDecision = MatchDecision.NonMatch };
        using var lean = new PatientIndex(MatchModel.Default, everyCandidate);
        using var wide = new PatientIndex(MatchModel.Default, everyCandidate with { BlockingRules = [.. BlockingRule.IndexDefaults, BlockingRule.DateOfBirth] });
        lean.AddOrUpdate(Alice);
        wide.AddOrUpdate(Alice);

        Assert.Equal(BlockingRule.Defaults.Where(rule => rule != BlockingRule.DateOfBirth && rule != BlockingRule.Address), BlockingRule.IndexDefaults);
        Assert.Same(BlockingRule.IndexDefaults, PatientIndexOptions.Default.BlockingRules);
        Assert.Empty(lean.FindMatches(query, 5));
        Assert.Equal("A1", Assert.Single(wide.FindMatches(query, 5)).Id);
    }

    [Fact]
    public void Max_candidates_caps_the_records_scored()
    {
        // Ten records share one full-name key; with a cap of 4 only the first four posted are scored.
        using var index = new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with
        {
            BlockingRules = [BlockingRule.FullName], MaxCandidates = 4, MinimumDecision = MatchDecision.NonMatch,
        });
        for (var i = 0; i < 10; i++)
        {
            index.AddOrUpdate(Alice.With(id: "C" + i));
        }

        Assert.Equal(4, index.FindMatches(Alice, 100).Count);
    }

    [Fact]
    public void Term_frequencies_are_applied_after_a_refresh_only()
    {
        var options = PatientIndexOptions.Default with { RecordSetOptions = RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 10 } };
        using var index = new PatientIndex(MatchModel.Default, options);
        var random = new Random(5);
        var numbers = new NhsNumberGenerator(5);
        for (var i = 0; i < 40; i++)
        {
            index.AddOrUpdate(IndexPeople.Person(random, numbers, "P" + i));
        }

        index.AddOrUpdate(Alice);
        var query = Alice.With(nhs: "");
        var before = index.FindMatches(query, 1)[0].Score.Weight;
        index.RefreshTermFrequencies();
        var after = index.FindMatches(query, 1)[0].Score.Weight;

        // Alice Pemberton and LS1 4AP are rare among the 41 records (the pools share postcodes, though): the
        // adjustments change the weight, and equal the brute-force score over the same records.
        Assert.NotEqual(before, after);
        Assert.Equal(MatchModel.Default.Score(query, Alice).Weight, before, 9);
    }

    [Fact]
    public void Arguments_are_checked_without_naming_patient_data()
    {
        using var index = Populated(5);
        Assert.Throws<ArgumentNullException>(() => new PatientIndex(null!));
        Assert.Throws<ArgumentException>(() => new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with { BlockingRules = [] }));
        Assert.Throws<ArgumentException>(() => new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with { MaxCandidates = 0 }));
        Assert.Throws<ArgumentException>(() => new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with { MinimumDecision = (MatchDecision)7 }));
        Assert.Throws<ArgumentNullException>(() => index.AddOrUpdate(null!));
        Assert.Throws<ArgumentNullException>(() => index.FindMatches(null!, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.FindMatches(Alice, -1));
        Assert.Throws<ArgumentNullException>(() => index.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => index.Contains(null!));
        var noId = Assert.Throws<ArgumentException>(() => index.AddOrUpdate(Alice.With(id: "")));
        Assert.DoesNotContain("Pemberton", noId.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("999", noId.Message, StringComparison.Ordinal);
        Assert.Equal("PatientIndex(Count = 6)", index.ToString());
    }
}
