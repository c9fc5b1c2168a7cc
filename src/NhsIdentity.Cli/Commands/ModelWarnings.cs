using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Commands;

/// <summary>Tells the user, on standard error, what is odd about the model a run will use
/// (<see cref="MatchModel.Warnings"/>): one <c>warning:</c> line each, thresholds and counts only.</summary>
internal static class ModelWarnings
{
    /// <summary>Writes one line per warning; nothing for an ordinary model.</summary>
    /// <param name="model">The model, with the policy the run uses (after <c>--threshold</c>).</param>
    /// <param name="error">Standard error.</param>
    public static void Write(MatchModel model, TextWriter error)
    {
        foreach (var line in Lines(model))
        {
            error.WriteLine("warning: " + line);
        }
    }

    /// <summary>The warnings in words.</summary>
    internal static IEnumerable<string> Lines(MatchModel model)
    {
        var warnings = model.Warnings;
        if (warnings.HasFlag(MatchModelWarnings.NoComparisons))
        {
            yield return "the model makes no comparisons: every pair scores the prior alone and gets the same decision.";
        }

        if (warnings.HasFlag(MatchModelWarnings.NoReviewBand))
        {
            yield return FormattableString.Invariant(
                $"the match and review thresholds are equal ({model.Policy.MatchProbability:G6}): no pair is sent for review.");
        }

        if (warnings.HasFlag(MatchModelWarnings.PriorReachesMatch))
        {
            yield return "the prior alone reaches the match threshold: a pair with no evidence either way is a match.";
        }
        else if (warnings.HasFlag(MatchModelWarnings.PriorReachesReview))
        {
            yield return "the prior alone reaches the review threshold: a pair with no evidence either way is sent for review.";
        }

        if (warnings.HasFlag(MatchModelWarnings.CompetitionOutOfOrder))
        {
            yield return "the model's competition levels are out of order: a pair outranked by another candidate would weigh at least as much as an unrivalled one (training never learns this; was the model edited?).";
        }
    }
}
