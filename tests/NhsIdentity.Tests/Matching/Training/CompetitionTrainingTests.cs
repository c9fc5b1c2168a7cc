using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using NhsIdentity.Synthetic;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// Training learns <see cref="MatchModel.Competition"/> for a linkage only: on two synthetic supplier extracts (each
/// person at most about once in each) an unrivalled pair is evidence for a match and an outranked one against, in
/// order; a deduplication, or a linkage trained without competition rules, learns none; the same records in another
/// order learn it to the bit.
/// </summary>
public sealed class CompetitionTrainingTests(ITestOutputHelper output)
{
    private static readonly Lazy<(RecordSet Left, RecordSet Right, List<PatientRecord> Pas, List<PatientRecord> Gp)> Extracts = new(() =>
    {
        var population = SyntheticPopulation.Generate(800, 42);
        var pas = SupplierExtract.Generate(population, SupplierDialect.Pas, 43).Select(r => r.ToPatientRecord()).ToList();
        var gp = SupplierExtract.Generate(population, SupplierDialect.Gp, 44).Select(r => r.ToPatientRecord()).ToList();
        return (new RecordSet(pas), new RecordSet(gp), pas, gp);
    });

    private static readonly Lazy<MatchModel> Trained = new(() => ModelTrainer.TrainLinkage(Extracts.Value.Left, Extracts.Value.Right).Model);

    private static readonly Lazy<List<PatientRecord>> Small = new(() => SyntheticPeople.Create(60, seed: 5).Records);

    [Fact]
    public void A_linkage_learns_that_an_unrivalled_pair_is_evidence_for_a_match_and_an_outranked_one_against()
    {
        var competition = Trained.Value.Competition;

        Assert.NotNull(competition);
        output.WriteLine(competition.ToString());
        Assert.Equal(CompetitionModel.DefaultCompetitorProbability, competition.CompetitorProbability);
        Assert.True(competition.Unrivalled.Weight > 0, competition.ToString());
        Assert.True(competition.Outranked.Weight < 0, competition.ToString());
        Assert.True(competition.Unrivalled.Weight >= competition.BestOfRivals.Weight, competition.ToString());
        Assert.True(competition.BestOfRivals.Weight >= competition.Outranked.Weight, competition.ToString());

        // m and u are each a distribution over the three levels.
        Assert.Equal(1, competition.Unrivalled.M + competition.BestOfRivals.M + competition.Outranked.M, 9);
        Assert.Equal(1, competition.Unrivalled.U + competition.BestOfRivals.U + competition.Outranked.U, 9);
    }

    [Fact]
    public void The_learned_model_round_trips_and_links_with_competition_weighed()
    {
        var model = MatchModel.FromJson(Trained.Value.ToJson());
        Assert.Equal(Trained.Value.ToJson(), model.ToJson());
        var pairs = new Linker(model).Link(Extracts.Value.Left, Extracts.Value.Right).Pairs;
        Assert.NotEmpty(pairs);
        Assert.DoesNotContain(pairs, pair => pair.Competition == CandidateCompetition.NotWeighed);
    }

    [Fact]
    public void Without_NHS_numbers_weighing_competition_makes_fewer_false_matches_and_finds_as_many_true_ones()
    {
        // Census-style extracts (no NHS numbers; households with twins and namesakes), where the pairwise model alone
        // matches a few members of one family with each other: with competition weighed, fewer (18 to 2 when written).
        var (pas, gp, left, right) = (CensusStyleExtracts.Pas, CensusStyleExtracts.Gp, CensusStyleExtracts.Left, CensusStyleExtracts.Right);
        var model = CensusStyleExtracts.Trained.Model;
        Assert.NotNull(model.Competition);

        (int True, int False) Matches(MatchModel m)
        {
            var matches = new Linker(m).Link(left, right).Pairs.Where(p => p.Decision == MatchDecision.Match).ToList();
            var correct = matches.Count(p => pas[p.LeftIndex].PersonId == gp[p.RightIndex].PersonId);
            return (correct, matches.Count - correct);
        }

        var weighed = Matches(model);
        var alone = Matches(model.WithCompetition(null));
        output.WriteLine($"{model.Competition}: matches {weighed} (true, false) with competition, {alone} without");
        Assert.True(weighed.False < alone.False, $"false matches {weighed.False} with competition, {alone.False} without");
        Assert.True(weighed.True >= alone.True, $"true matches {weighed.True} with competition, {alone.True} without");
    }

    [Fact]
    public void A_patient_index_weighs_no_competition()
    {
        // An index sees one query at a time: its scores are the pairwise model's, whatever the model's competition.
        var model = Trained.Value;
        using var index = new PatientIndex(model);
        foreach (var record in Small.Value)
        {
            index.AddOrUpdate(record with { Id = record.Id + "-" + index.Count });
        }

        var query = Small.Value[0];
        var expected = new PatientIndex(model.WithCompetition(null));
        foreach (var record in Small.Value)
        {
            expected.AddOrUpdate(record with { Id = record.Id + "-" + expected.Count });
        }

        var found = index.FindMatches(query, 5);
        Assert.NotEmpty(found);
        Assert.Equal(expected.FindMatches(query, 5), found);
        expected.Dispose();
    }

    [Fact]
    public void A_deduplication_learns_no_competition()
    {
        var records = Small.Value;
        Assert.Null(ModelTrainer.Train(new RecordSet(records)).Model.Competition);
    }

    [Fact]
    public void A_linkage_without_competition_rules_learns_none()
    {
        var (left, right) = Halves(Small.Value);
        Assert.Null(ModelTrainer.TrainLinkage(left, right, TrainingOptions.Default with { CompetitionRules = [] }).Model.Competition);
        Assert.NotNull(ModelTrainer.TrainLinkage(left, right).Model.Competition); // control: the same data with the rules
    }

    [Fact]
    public void The_same_extracts_in_another_order_learn_the_same_competition_to_the_bit()
    {
        var shuffledLeft = Shuffled(Extracts.Value.Pas, 1);
        var shuffledRight = Shuffled(Extracts.Value.Gp, 2);

        var again = ModelTrainer.TrainLinkage(new RecordSet(shuffledLeft), new RecordSet(shuffledRight)).Model;

        Assert.NotNull(again.Competition);
        Assert.Equal(Trained.Value.ToJson(), again.ToJson());
    }

    private static (RecordSet Left, RecordSet Right) Halves(List<PatientRecord> records) =>
        (new RecordSet(records.Where((_, i) => i % 2 == 0)), new RecordSet(records.Where((_, i) => i % 2 == 1)));

    private static List<PatientRecord> Shuffled(IEnumerable<PatientRecord> records, int seed)
    {
        var copy = records.ToArray();
        new Random(seed).Shuffle(copy);
        return [.. copy];
    }
}
