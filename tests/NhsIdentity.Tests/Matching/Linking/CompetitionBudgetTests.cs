using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>The kept-pair budget in a link that weighs competition counts every pair kept to weigh it, so a model whose
/// competition weights lower the floor cannot make a run hold pairs the budget does not see.</summary>
public sealed class CompetitionBudgetTests
{
    private static readonly PatientRecord Alice = MatchModelScoringTests.Alice;

    private static readonly PatientRecord Stranger = new()
    {
        Id = "S1", GivenNames = "Brian", FamilyName = "Okafor", DateOfBirth = "1950-07-02", Sex = "M", Postcode = Alice.Postcode,
    };

    [Fact]
    public void Pairs_kept_only_to_weigh_competition_count_against_the_kept_pair_budget()
    {
        var (left, right) = (new RecordSet([Alice]), new RecordSet([Alice with { Id = "R1" }, Stranger]));
        var model = MatchModel.Default;
        Assert.Equal(MatchDecision.NonMatch, model.Score(left, 0, right, 1).Decision); // the stranger is kept for competition only

        var counted = Visit(model, left, right, countEveryKept: true);
        var reviewOnly = Visit(model, left, right, countEveryKept: false);

        Assert.Equal((2, 2L), (counted.Pairs.Count, counted.ReachedReview));
        Assert.Equal((2, 1L), (reviewOnly.Pairs.Count, reviewOnly.ReachedReview));
    }

    private static ScoringVisitor Visit(MatchModel model, RecordSet left, RecordSet right, bool countEveryKept)
    {
        var visitor = new ScoringVisitor(model, left, right, MatchDecision.NonMatch, double.NegativeInfinity, [], countEveryKept);
        visitor.Visit(0, 0);
        visitor.Visit(0, 1);
        return visitor;
    }
}
