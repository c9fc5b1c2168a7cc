using System.Globalization;
using System.Text;

namespace NhsIdentity.Matching;

/// <summary>Why a pair scored as it did: the prior, then one bar per comparison (a waterfall).</summary>
/// <remarks>Holds levels and weights only, never the records' values, so it is safe to log.</remarks>
public sealed class MatchExplanation
{
    private readonly ComparisonOutcome[] _outcomes;

    internal MatchExplanation(double priorWeight, ComparisonOutcome[] outcomes, MatchScore score, bool inHouseholdContext)
    {
        InHouseholdContext = inHouseholdContext;
        PriorWeight = priorWeight;
        _outcomes = outcomes;
        Score = score;
    }

    /// <summary>Gets the prior's weight, where the waterfall starts.</summary>
    public double PriorWeight { get; }

    /// <summary>Gets each comparison's outcome, in <see cref="ComparisonKind"/> order.</summary>
    public IReadOnlyList<ComparisonOutcome> Outcomes => _outcomes;

    /// <summary>Gets the pair's score.</summary>
    public MatchScore Score { get; }

    /// <summary>Gets whether the pair was weighed as two members of one household would be: the records have alike
    /// family names and the same full postcode, share no NHS or hospital number, are not equal in both given name and
    /// date of birth, and the model has household u-probabilities (<see cref="ComparisonLevelModel.HouseholdU"/>). Each
    /// comparison's weight is then what its level says among different people of one household (a shared birthday
    /// counts for less, different given names for more).</summary>
    public bool InHouseholdContext { get; }

    /// <summary>Formats the waterfall, one line per comparison (levels and weights only).</summary>
    /// <returns>A multi-line description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"prior {PriorWeight,8:+0.00;-0.00}").AppendLine();
        if (InHouseholdContext)
        {
            text.AppendLine("weighed as one household: alike family names and the same home");
        }

        foreach (var outcome in _outcomes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{outcome.Comparison,-16} {outcome.LevelName,-18} {outcome.Weight,8:+0.00;-0.00}");
            if (outcome.Missing != MissingSide.None)
            {
                text.Append(CultureInfo.InvariantCulture, $" (missing: {outcome.Missing})");
            }
            else if (outcome.TermFrequencyAdjustment != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" (term frequency {outcome.TermFrequencyAdjustment:+0.00;-0.00})");
            }

            text.AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"total {Score.Weight,8:+0.00;-0.00}  probability {Score.Probability:0.000000}  {Score.Decision}");
        return text.ToString();
    }
}
