using NhsIdentity.Cli.Review;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>train --labels</c> suggests a threshold from the probabilities a link would decide with: with a model
/// that weighs competition, those of the link, not the pairs' own scores.</summary>
public sealed class LabelThresholdCompetitionTests
{
    [Fact]
    public void A_linkage_model_s_threshold_is_found_among_the_link_s_probabilities()
    {
        var left = new RecordSet(PatientCsvReader.ReadFile(RepositoryRoot.Combine("samples", "data", "pas.csv")).Records);
        var right = new RecordSet(PatientCsvReader.ReadFile(RepositoryRoot.Combine("samples", "data", "gp.csv")).Records);
        var model = ModelTrainer.TrainLinkage(left, right).Model;
        Assert.NotNull(model.Competition);
        var pairs = new Linker(model).Link(left, right).Pairs;

        // Label every kept pair, alternating match and non-match, so the best cut falls inside the kept pairs.
        var labels = pairs.Select((pair, k) => new ReviewLabel(left.GetId(pair.LeftIndex)!, right.GetId(pair.RightIndex)!,
            k % 2 == 0 ? ReviewDecision.Match : ReviewDecision.NonMatch, null)).ToList();
        var found = LabelThreshold.Find(model, left, right, labels);

        Assert.NotNull(found.Threshold);
        Assert.Contains(found.Threshold!.Value, pairs.Select(pair => pair.Probability));
        Assert.DoesNotContain(found.Threshold.Value, pairs.Select(pair => model.Score(left, pair.LeftIndex, right, pair.RightIndex).Probability));
    }
}
