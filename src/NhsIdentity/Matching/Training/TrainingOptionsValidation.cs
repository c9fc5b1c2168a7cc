namespace NhsIdentity.Matching.Training;

/// <summary>Checks <see cref="TrainingOptions"/> before training; messages name the option, never data.</summary>
internal static class TrainingOptionsValidation
{
    public static void Validate(TrainingOptions options)
    {
        Require(options.MaxDegreeOfParallelism is -1 or >= 1, "MaxDegreeOfParallelism must be -1 (one thread per logical processor) or at least 1.", nameof(options));
        Require(options.MaxRandomPairs >= 1, "MaxRandomPairs must be at least 1.", nameof(options));
        Require(options.MinimumRandomPairs >= 0, "MinimumRandomPairs must not be negative.", nameof(options));
        Require(options.MinimumObservationsPerLevel >= 1, "MinimumObservationsPerLevel must be at least 1.", nameof(options));
        RequireRules(options.TrainingRules, "TrainingRules", nameof(options));
        RequireRules(options.DeterministicRules, "DeterministicRules", nameof(options));
        RequireRules(options.CompetitionRules, "CompetitionRules", nameof(options));
        Require(options.DeterministicRecall is null or (> 0 and <= 1), "DeterministicRecall must be null (estimated) or greater than 0 and at most 1.", nameof(options));
        Require(options.MaxIterations >= 1, "MaxIterations must be at least 1.", nameof(options));
        Require(options.ConvergenceTolerance > 0 && !double.IsNaN(options.ConvergenceTolerance), "ConvergenceTolerance must be greater than 0.", nameof(options));
        Require(options.MinimumCrossCheckLabels >= 1, "MinimumCrossCheckLabels must be at least 1.", nameof(options));
        Require(options.MaxBlockSize >= 2, "MaxBlockSize must be at least 2.", nameof(options));
        Require(options.MaxPairsPerTrainingRule >= 1, "MaxPairsPerTrainingRule must be at least 1.", nameof(options));
        Require(options.MaxPairsPerRecord >= 1, "MaxPairsPerRecord must be at least 1.", nameof(options));
        Require(options.MaxPairsPerBlock >= 1, "MaxPairsPerBlock must be at least 1.", nameof(options));
        Require(options.ProbabilityFloor > 0 && options.ProbabilityFloor < 0.5, "ProbabilityFloor must be greater than 0 and less than 0.5.", nameof(options));
        Require(options.PriorStrength >= 0 && double.IsFinite(options.PriorStrength), "PriorStrength must be a finite number at least 0.", nameof(options));
        Require(options.Policy.IsValid, "Policy must have a review threshold no greater than its match threshold.", nameof(options));
        Require(options.StartingModel is not null, "StartingModel must not be null.", nameof(options));
        Require(options.Labels is not null, "Labels must not be null (empty: none).", nameof(options));
    }

    private static void RequireRules(IReadOnlyList<Blocking.BlockingRule>? rules, string name, string paramName)
    {
        Require(rules is not null, name + " must not be null.", paramName);
        foreach (var rule in rules!)
        {
            Require(rule is not null, name + " must not contain null.", paramName);
        }
    }

    private static void Require(bool condition, string message, string paramName)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }
}
