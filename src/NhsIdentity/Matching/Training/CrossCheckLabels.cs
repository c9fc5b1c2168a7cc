using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// The pairs NHS England's cross-check trace would accept: the same valid NHS number and the same full date of birth.
/// They are matches with near certainty, so the level frequencies of the other comparisons among them measure m
/// directly, with no EM.
/// </summary>
internal static class CrossCheckLabels
{
    private static readonly BlockingRule[] Rule =
        [BlockingRule.Create("cross-check", BlockingKeyPart.NhsNumber, BlockingKeyPart.DateOfBirth)];

    public static LevelTally Tally(MatchModel model, RecordSet left, RecordSet right, bool deduplicating, int maxBlockSize,
        CancellationToken cancellationToken)
    {
        var source = PairCounting.Source(left, right, deduplicating, Rule, maxBlockSize);
        var visitor = new TallyVisitor(model, left, right);
        foreach (var block in source.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.VisitPairs(block, ref visitor);
        }

        return visitor.Tally;
    }

    /// <summary>Whether labels may set a comparison's m: not the two comparisons that define the labels (they agree
    /// on every labelled pair by construction).</summary>
    public static bool CanEstimate(ComparisonKind kind) => kind is not (ComparisonKind.NhsNumber or ComparisonKind.DateOfBirth);

    private readonly struct TallyVisitor : IPairVisitor
    {
        private readonly MatchModel _model;
        private readonly RecordSet _left;
        private readonly RecordSet _right;
        private readonly byte[] _codes;

        public TallyVisitor(MatchModel model, RecordSet left, RecordSet right)
        {
            _model = model;
            _left = left;
            _right = right;
            _codes = new byte[model.ActiveComparisons.Length];
            Tally = new LevelTally(_codes.Length);
        }

        public LevelTally Tally { get; }

        public void Visit(int left, int right)
        {
            _model.Levels(_left, left, _right, right, _codes);
            Tally.Add(_codes);
        }
    }
}
