using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>
/// Thrown by <see cref="Linker"/> when more pairs than <see cref="LinkOptions.KeptPairBudget"/> reach the review
/// threshold (in a link that weighs competition, every pair kept to weigh it: see <see cref="MatchModel.Competition"/>):
/// the review threshold is too low for the data, or the blocking rules too broad. Scoring stops as soon as
/// it is seen, and nothing is returned.
/// </summary>
/// <remarks>The message holds counts and option names only, so it can be logged.</remarks>
public sealed class KeptPairBudgetExceededException : InvalidOperationException
{
    internal KeptPairBudgetExceededException(long pairs, long budget)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"More pairs reached the review threshold (in a link that weighs competition, the weight it keeps rivals from) than the budget of {budget:N0} kept pairs (MaxKeptPairsPerRecord × records, at least {LinkOptions.MinimumPairBudget:N0}): {pairs:N0} when scoring stopped. The review threshold (DecisionPolicy.ReviewProbability) is too low for this data, the blocking rules too broad, or the model's competition weights too large; raise the threshold, use narrower rules, or raise MaxKeptPairsPerRecord."))
    {
        Pairs = pairs;
        Budget = budget;
    }

    /// <summary>Gets the pairs decided review or match when scoring stopped: more than <see cref="Budget"/>, and a
    /// lower bound on what the whole run would keep.</summary>
    public long Pairs { get; }

    /// <summary>Gets the run's budget of kept pairs (<see cref="LinkOptions.KeptPairBudget"/>).</summary>
    public long Budget { get; }
}
