using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// Tells the user, on standard error, what training could not estimate from the input (one warning line per
/// comparison or level that kept the starting model's value), which rules it sampled for the budget, and how many level
/// weights it put back in order.
/// </summary>
/// <remarks>Comparison and level names and counts only: never a patient value.</remarks>
internal static class TrainingWarnings
{
    /// <summary>Writes the warnings for one training run.</summary>
    /// <param name="result">The training run.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="summary">The run's <c>--json</c> summary, which gets the same warnings by code, or null.</param>
    public static void Write(TrainingResult result, TextWriter error, Summaries.RunSummary? summary = null)
    {
        foreach (var fallback in result.Fallbacks)
        {
            error.WriteLine("warning: " + Describe(fallback));
            summary?.AddWarning("trainingFallback", Describe(fallback));
        }

        foreach (var sample in result.Samples)
        {
            error.WriteLine("warning: " + Describe(sample));
            summary?.AddWarning("trainingSample", Describe(sample));
        }

        if (result.Adjustments.Count > 0)
        {
            error.WriteLine(FormattableString.Invariant(
                $"training: {result.Adjustments.Count} level weights adjusted to keep each comparison's order (an agreement never weighs against)"));
        }
    }

    /// <summary>One fallback in words, e.g. <c>Name JaroWinkler88: kept the starting m (too few matched pairs)</c>.</summary>
    internal static string Describe(TrainingFallback fallback)
    {
        var name = ComparisonDefinition.Get(fallback.Comparison).DisplayName + (fallback.LevelName is { } level ? " " + level : string.Empty);
        return name + ": " + fallback.Reason switch
        {
            TrainingFallbackReason.AbsentFromInputs => "no value in the inputs; not estimated, kept the starting values",
            TrainingFallbackReason.TooFewMatchedPairs => "kept the starting m (too few matched pairs to estimate it)",
            _ => "kept the starting u (too few random pairs to estimate it)",
        };
    }

    /// <summary>One sampled stage in words, e.g. <c>training rule budget: train-dob compared 2,000,000 of about
    /// 400,000,000 pairs, chosen by hash</c> (rule names and counts only).</summary>
    internal static string Describe(TrainingSample sample) => FormattableString.Invariant(
        $"training budget: rule {sample.RuleName} compared {sample.PairsCompared:N0} of {(sample.PairsEstimated ? "about " : string.Empty)}{sample.Pairs:N0} pairs, a sample chosen by hash (MaxPairsPerTrainingRule, MaxPairsPerRecord)");

    /// <summary>Whether a level of a comparison kept a starting value (m or u, or the whole comparison).</summary>
    internal static bool KeptStartingValue(IReadOnlyList<TrainingFallback> fallbacks, ComparisonKind comparison, int level)
    {
        foreach (var fallback in fallbacks)
        {
            if (fallback.Comparison == comparison && (fallback.Level is null || fallback.Level == level))
            {
                return true;
            }
        }

        return false;
    }
}
