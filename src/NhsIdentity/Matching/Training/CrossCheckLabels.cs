using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// The pairs NHS England's cross-check trace would accept: the same valid NHS number and the same full date of birth.
/// They are matches with near certainty, so the level frequencies of the other comparisons among them measure m
/// directly, with no EM.
/// </summary>
internal static class CrossCheckLabels
{
    /// <summary>The cross-check trace itself: it labels the m of every comparison but these two.</summary>
    public static readonly BlockingRule CrossCheck = BlockingRule.Create("cross-check", BlockingKeyPart.NhsNumber, BlockingKeyPart.DateOfBirth);

    /// <summary>The same valid NHS number alone labels the date of birth's m: EM cannot, because inside households
    /// (a parent and child of the same name at one address) the other fields agree while the dates differ.</summary>
    public static readonly BlockingRule SameNhsNumber = BlockingRule.Create("same-nhs-number", BlockingKeyPart.NhsNumber);

    /// <summary>The same full name and date of birth labels the NHS number's m (twins differ in given name,
    /// namesakes in date of birth, so such pairs are one person with near certainty).</summary>
    public static readonly BlockingRule SameNameAndBirth =
        BlockingRule.Create("same-name-and-birth", BlockingKeyPart.GivenName, BlockingKeyPart.FamilyName, BlockingKeyPart.DateOfBirth);

    public static LevelTally Tally(MatchModel model, RecordSet left, RecordSet right, bool deduplicating, int maxBlockSize,
        CancellationToken cancellationToken) => Tally(CrossCheck, model, left, right, deduplicating, maxBlockSize, cancellationToken);

    /// <summary>The level counts of a rule's pairs; with <paramref name="onlyComparison"/> (an index into the model's
    /// active comparisons), only of the pairs at <paramref name="onlyLevel"/> of it.</summary>
    public static LevelTally Tally(BlockingRule rule, MatchModel model, RecordSet left, RecordSet right, bool deduplicating, int maxBlockSize,
        CancellationToken cancellationToken, int onlyComparison = -1, int onlyLevel = -1)
    {
        var source = PairCounting.Source(left, right, deduplicating, [rule], maxBlockSize);
        var visitor = new TallyVisitor(model, left, right, onlyComparison, onlyLevel);
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
        private readonly int _onlyComparison;
        private readonly int _onlyLevel;

        public TallyVisitor(MatchModel model, RecordSet left, RecordSet right, int onlyComparison, int onlyLevel)
        {
            _model = model;
            _left = left;
            _right = right;
            _onlyComparison = onlyComparison;
            _onlyLevel = onlyLevel;
            _codes = new byte[model.ActiveComparisons.Length];
            Tally = new LevelTally(_codes.Length);
        }

        public LevelTally Tally { get; }

        public void Visit(int left, int right)
        {
            _model.Levels(_left, left, _right, right, _codes);
            if (_onlyComparison < 0 || _codes[_onlyComparison] == _onlyLevel)
            {
                Tally.Add(_codes);
            }
        }
    }
}
