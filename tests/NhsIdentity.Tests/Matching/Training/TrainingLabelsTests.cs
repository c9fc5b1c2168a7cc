using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary><see cref="TrainingOptions.Labels"/>: reviewers' labelled matches refine m as a posterior on top of the
/// unsupervised estimate.</summary>
public sealed class TrainingLabelsTests
{
    private static readonly TrainingOptions Sampled = TrainingOptions.Default with
    {
        MaxRandomPairs = 20_000, MinimumRandomPairs = 20_000, MaxPairsPerTrainingRule = 300,
    };

    private static readonly Lazy<(List<PatientRecord> Records, int[] Person)> People = new(() => SyntheticPeople.Create(120, seed: 3));

    [Fact]
    public void Labelled_matches_move_m_towards_the_levels_the_reviewers_saw()
    {
        var (records, _) = People.Value;
        var set = new RecordSet(records);
        var plain = ModelTrainer.Train(set, Sampled).Model;

        // Label 60 pairs of neighbouring records "match" whatever they are: their date-of-birth levels are mostly the
        // lowest ones, so those levels' m must rise.
        var labels = Enumerable.Range(0, 60).Select(i => new TrainingLabel(records[2 * i].Id!, records[(2 * i) + 7].Id!, IsMatch: true)).ToList();
        var outcomes = new ComparisonOutcome[MatchModel.Default.Comparisons.Count];
        var levelCounts = new Dictionary<int, int>();
        foreach (var label in labels)
        {
            var l = records.FindIndex(r => r.Id == label.LeftId);
            var r = records.FindIndex(r => r.Id == label.RightId);
            MatchModel.Default.Explain(set, l, set, r, outcomes);
            var dob = outcomes.Single(o => o.Comparison == ComparisonKind.DateOfBirth);
            if (dob.Missing == MissingSide.None)
            {
                levelCounts[dob.Level] = levelCounts.GetValueOrDefault(dob.Level) + 1;
            }
        }

        var level = levelCounts.MaxBy(p => p.Value).Key;
        var labelled = ModelTrainer.Train(set, Sampled with { Labels = labels }).Model;
        var before = plain.GetComparison(ComparisonKind.DateOfBirth)!.Levels[level].M;
        var after = labelled.GetComparison(ComparisonKind.DateOfBirth)!.Levels[level].M;
        Assert.True(after > before, $"m of level {level}: {before} without labels, {after} with {levelCounts[level]} of 60 labels there");
    }

    [Fact]
    public void Non_matches_and_unknown_ids_leave_the_model_as_without_labels()
    {
        var (records, _) = People.Value;
        var set = new RecordSet(records);
        var plain = ModelTrainer.Train(set, Sampled).Model.ToJson();
        TrainingLabel[] ignored = [new(records[0].Id!, records[1].Id!, IsMatch: false), new("no such id", records[1].Id!, IsMatch: true)];
        Assert.Equal(plain, ModelTrainer.Train(set, Sampled with { Labels = ignored }).Model.ToJson());
        Assert.Equal("TrainingLabel(match)", ignored[1].ToString());
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train(set, Sampled with { Labels = null! }));
    }
}
