namespace NhsIdentity.Matching.Training;

/// <summary>The stages of <see cref="ModelTrainer"/>, in the order they run.</summary>
public enum TrainingStage
{
    /// <summary>Estimating u from random pairs.</summary>
    SamplingRandomPairs = 0,

    /// <summary>Counting the pairs the deterministic rules find, for the prior.</summary>
    CountingDeterministicPairs = 1,

    /// <summary>Collecting one training rule's blocked pairs.</summary>
    CollectingTrainingPairs = 2,

    /// <summary>Estimating m by expectation-maximisation on one training rule's pairs (reported per iteration).</summary>
    ExpectationMaximisation = 3,

    /// <summary>Weighing a linkage's candidate pairs and estimating how competition among them weighs
    /// (<see cref="MatchModel.Competition"/>).</summary>
    WeighingCompetition = 4,
}
