using System.Globalization;

namespace NhsIdentity.Matching.Training;

/// <summary>What one training blocking rule's EM session did.</summary>
/// <remarks>Counts, probabilities and comparison names only: no patient data.</remarks>
public sealed class TrainingRuleReport
{
    private readonly ComparisonKind[] _estimated;

    internal TrainingRuleReport(string ruleName, long pairs, int patterns, int cappedBlocks, int iterations, bool converged,
        double matchProbability, ComparisonKind[] estimated)
    {
        RuleName = ruleName;
        Pairs = pairs;
        Patterns = patterns;
        CappedBlocks = cappedBlocks;
        Iterations = iterations;
        Converged = converged;
        MatchProbability = matchProbability;
        _estimated = estimated;
    }

    /// <summary>Gets the training rule's name.</summary>
    public string RuleName { get; }

    /// <summary>Gets the number of record pairs EM ran over: all the rule's pairs, or
    /// <see cref="TrainingOptions.MaxPairsPerTrainingRule"/> of them (then the rule is listed in
    /// <see cref="TrainingResult.Samples"/> with its total).</summary>
    public long Pairs { get; }

    /// <summary>Gets the number of distinct comparison-level patterns among those pairs (EM runs over these).</summary>
    public int Patterns { get; }

    /// <summary>Gets the number of blocks skipped for exceeding <see cref="TrainingOptions.MaxBlockSize"/> or
    /// <see cref="TrainingOptions.MaxPairsPerBlock"/>.</summary>
    public int CappedBlocks { get; }

    /// <summary>Gets the number of EM iterations run (0 when the rule produced no pairs).</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the largest change of an m-probability fell below
    /// <see cref="TrainingOptions.ConvergenceTolerance"/> within <see cref="TrainingOptions.MaxIterations"/>.</summary>
    public bool Converged { get; }

    /// <summary>Gets λ estimated within the rule's block: the share of its pairs that are matches.</summary>
    public double MatchProbability { get; }

    /// <summary>Gets the comparisons whose m-probabilities this rule estimated (in <see cref="ComparisonKind"/> order):
    /// not those the rule constrains, nor those missing from every pair it expects to be a match.</summary>
    public IReadOnlyList<ComparisonKind> EstimatedComparisons => _estimated;

    /// <summary>Describes the session (counts and comparison names only).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RuleName}: {Pairs} pairs, {Patterns} patterns, {Iterations} iterations{(Converged ? ", converged" : ", not converged")}, λ = {MatchProbability:G4}, estimated [{string.Join(", ", _estimated)}]");
}
