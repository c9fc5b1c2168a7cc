using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Matching.Training;
using NhsIdentity.Synthetic;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// Training on little data (issue 13, item 3): two supplier extracts of 150 people once taught the model nonsense
/// silently (an exact local identifier and a postcode sector weighing against, Jaro-Winkler 0.88 above 0.92, two
/// different valid NHS numbers worth only −2.3 bits). Now little data moves the starting model little, what it cannot
/// estimate keeps the starting value and says so, and the declared order of the weights holds.
/// </summary>
public sealed class SmallExtractTrainingTests(ITestOutputHelper output)
{
    private static readonly Lazy<(RecordSet Left, RecordSet Right, long TruePairs)> Small = new(() => Extracts(150, 42));

    [Fact]
    public void Two_extracts_of_150_people_train_no_nonsense_and_say_what_kept_its_starting_value()
    {
        var (left, right, _) = Small.Value;
        var result = ModelTrainer.TrainLinkage(left, right);
        var model = result.Model;
        output.WriteLine(result.ToString());
        output.WriteLine(Febrl4TrainingTests.Describe(model));
        output.WriteLine("fallbacks: " + string.Join("; ", result.Fallbacks));
        output.WriteLine("adjustments: " + string.Join("; ", result.Adjustments));

        Assert.Empty(TrainedOrder.Violations(model));
        foreach (var kind in new[] { ComparisonKind.GivenName, ComparisonKind.FamilyName })
        {
            var name = model.GetComparison(kind)!;
            double WeightOf(string level) => name.Levels[name.Definition.Levels.ToList().FindIndex(l => l.Name == level)].Weight;
            Assert.True(WeightOf("JaroWinkler92") >= WeightOf("JaroWinkler88") - 1e-9, kind.ToString());
            Assert.True(WeightOf("JaroWinkler88") >= WeightOf("JaroWinkler70") - 1e-9, kind.ToString());
        }

        // Different valid NHS numbers: the starting model's −5.1 bits says about 3% of true matches carry a reissued or
        // mistyped number. 150 people cannot measure a 3% rate (about four pairs), so training may move it only a
        // little; the −2.3 bits once learned here (m = 20%) would be a sixfold rate, so the bound is half the start.
        var start = MatchModel.Default.GetComparison(ComparisonKind.NhsNumber)!.Levels[(int)NhsNumberLevel.Different].Weight;
        Assert.True(model.GetComparison(ComparisonKind.NhsNumber)!.Levels[(int)NhsNumberLevel.Different].Weight <= start / 2);

        // Fallbacks are listed, and a level whose u fell back has exactly the starting u (nothing later changes u).
        Assert.NotEmpty(result.Fallbacks);
        Assert.Contains(result.Fallbacks, f => f is { Comparison: ComparisonKind.GpPractice, Level: null, Reason: TrainingFallbackReason.AbsentFromInputs });
        foreach (var fallback in result.Fallbacks.Where(f => f is { Reason: TrainingFallbackReason.TooFewRandomPairs, Level: not null }))
        {
            var level = fallback.Level!.Value;
            Assert.Equal(MatchModel.Default.GetComparison(fallback.Comparison)!.Levels[level].U, model.GetComparison(fallback.Comparison)!.Levels[level].U);
        }

        // A comparison no input has a value for is not estimated at all.
        Assert.Equal(MatchModel.Default.GetComparison(ComparisonKind.GpPractice)!.Levels, model.GetComparison(ComparisonKind.GpPractice)!.Levels);
        Assert.Equal(model.ToJson(), ModelTrainer.TrainLinkage(left, right).Model.ToJson());
    }

    [Fact]
    public void More_data_moves_the_estimates_further_from_a_wrong_starting_value()
    {
        // A starting model that badly underrates an exact family name (m 0.2; the extracts show about 0.9).
        var name = MatchModel.Default.GetComparison(ComparisonKind.FamilyName)!;
        var levels = name.Levels.ToArray();
        var last = (int)FamilyNameLevel.Else;
        levels[last] = levels[last] with { M = levels[last].M + levels[0].M - 0.2 };
        levels[(int)FamilyNameLevel.Exact] = levels[0] with { M = 0.2 };
        var options = TrainingOptions.Default with { StartingModel = MatchModel.Default.WithComparison(name.WithLevels(levels)) };

        double Moved(RecordSet left, RecordSet right, TrainingOptions o) =>
            ModelTrainer.TrainLinkage(left, right, o).Model.GetComparison(ComparisonKind.FamilyName)!.Levels[(int)FamilyNameLevel.Exact].M - 0.2;

        var (smallLeft, smallRight, _) = Small.Value;
        var (largeLeft, largeRight, _) = Extracts(1500, 43);
        var little = Moved(smallLeft, smallRight, options);
        var much = Moved(largeLeft, largeRight, options);
        var unweighted = Moved(smallLeft, smallRight, options with { PriorStrength = 0 });
        output.WriteLine($"exact family name m moved from 0.2 by {little:F3} (150 people), {much:F3} (1,500 people), {unweighted:F3} (150 people, no prior)");
        Assert.True(little > 0, "even little data moves the estimate towards what it shows");
        Assert.True(much > little + 0.05, "more data moves it further");
        Assert.True(unweighted > little + 0.05, "the prior holds little data back");
    }

    internal static (RecordSet Left, RecordSet Right, long TruePairs) Extracts(int persons, int seed)
    {
        var population = SyntheticPopulation.Generate(persons, seed);
        var pas = SupplierExtract.Generate(population, SupplierDialect.Pas, seed + 1).ToList();
        var gp = SupplierExtract.Generate(population, SupplierDialect.Gp, seed + 2).ToList();
        return (new RecordSet(pas.Select(r => r.ToPatientRecord())), new RecordSet(gp.Select(r => r.ToPatientRecord())), ExtractTruth.CrossLinks(pas, gp).Count);
    }
}
