using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>How <see cref="ModelTrainer"/> estimates a model's parameters. Every option documents its default.</summary>
/// <remarks>
/// Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>. Training follows
/// Splink's unsupervised recipe: u-probabilities from record pairs sampled at random, m-probabilities by
/// expectation-maximisation (EM) with u fixed over the pairs of a few training blocking rules, and the prior from
/// the pairs that deterministic rules find.
/// </remarks>
public sealed record TrainingOptions
{
    /// <summary>Gets the default <see cref="TrainingRules"/>: same date of birth; same given and family name. Each
    /// leaves most comparisons free to be estimated, and between them every comparison is estimated by at least one
    /// rule (a rule never estimates a comparison it <see cref="BlockingRule.Constrains"/>).</summary>
    /// <remarks>There is no "same postcode" rule: the pairs that share a postcode are mostly members of one
    /// household, who agree on family name, address and telephone as strongly as a person's own records do, so EM
    /// takes them for matches and learns that matches usually differ in given name and date of birth (on a
    /// census-style set with households it put the m of an equal date of birth at 0.19 instead of 0.60). How
    /// household members agree is learned apart, inside the household context (see
    /// <see cref="ComparisonLevelModel.HouseholdU"/>).</remarks>
    public static IReadOnlyList<BlockingRule> DefaultTrainingRules { get; } =
    [
        BlockingRule.Create("train-dob", BlockingKeyPart.DateOfBirth),
        BlockingRule.Create("train-name", BlockingKeyPart.GivenName, BlockingKeyPart.FamilyName),
    ];

    /// <summary>Gets the default <see cref="DeterministicRules"/>: same valid NHS number; same given name, family
    /// name and full date of birth (the exact-agreement rules Splink's examples use to estimate the prior).</summary>
    public static IReadOnlyList<BlockingRule> DefaultDeterministicRules { get; } =
    [
        BlockingRule.NhsNumber,
        BlockingRule.Create("name+dob", BlockingKeyPart.GivenName, BlockingKeyPart.FamilyName, BlockingKeyPart.DateOfBirth),
    ];

    /// <summary>Gets the options used when none are given.</summary>
    /// <remarks>Declared after the rule lists: static initialisers run in order, and the defaults read them.</remarks>
    public static TrainingOptions Default { get; } = new();

    /// <summary>Gets the seed of the random pair sampler. Default 42. The same seed, records and options always give
    /// the same model, byte for byte, on any machine and thread count.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Gets the largest number of threads that compare pairs at once (the random pairs and the training rules'
    /// pairs). Default -1: one per logical processor. The model is the same, byte for byte, whatever the value: the
    /// threads only count, and counts add up the same in any order.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the most random pairs compared to estimate u-probabilities. Default 1,000,000 (Splink's
    /// <c>max_pairs</c> examples use 1e6 to 1e7; a million pairs measures a u of 1e-5 from about ten observations).
    /// When the records hold no more pairs than this, every pair is compared once instead of sampling.</summary>
    public long MaxRandomPairs { get; init; } = 1_000_000;

    /// <summary>Gets the fewest random pairs compared before sampling may stop early. Default 100,000.</summary>
    public long MinimumRandomPairs { get; init; } = 100_000;

    /// <summary>Gets how many times every level of every comparison (that has any non-missing observation) must
    /// have been seen among the random pairs for sampling to stop before <see cref="MaxRandomPairs"/>, once
    /// <see cref="MinimumRandomPairs"/> have been compared. Default 10 (a relative error of about 30%). Rare
    /// agreement levels (equal NHS numbers, swapped names) are seldom seen ten times, so on real data sampling
    /// usually runs to <see cref="MaxRandomPairs"/>; the early stop pays off for models with few, coarse levels.</summary>
    /// <remarks>It is also the fewest observations that count as a measurement: a comparison seen fewer times among
    /// the pairs taken to be matches (or among the random pairs) keeps the starting model's m (or u); so does a level
    /// seen fewer times that the starting model would also have expected to be seen fewer times. Each shows in
    /// <see cref="TrainingResult.Fallbacks"/>.</remarks>
    public int MinimumObservationsPerLevel { get; init; } = 10;

    /// <summary>Gets the blocking rules whose pairs train the m-probabilities, one EM session per rule. Default
    /// <see cref="DefaultTrainingRules"/>.</summary>
    public IReadOnlyList<BlockingRule> TrainingRules { get; init; } = DefaultTrainingRules;

    /// <summary>Gets the rules whose pairs (their union) are taken to be matches when estimating the prior. Default
    /// <see cref="DefaultDeterministicRules"/>.</summary>
    public IReadOnlyList<BlockingRule> DeterministicRules { get; init; } = DefaultDeterministicRules;

    /// <summary>
    /// Gets the share of all true matches the <see cref="DeterministicRules"/> find, greater than 0 and at most 1, or
    /// <see langword="null"/> (the default) to estimate it from the trained model. The prior is
    /// <c>deterministic pairs / recall / all pairs</c>, as in Splink.
    /// </summary>
    /// <remarks>Splink asks for the recall as an assumption (its examples use 0.6 to 0.8). A fixed assumption fails on
    /// noisy data: where few true pairs agree exactly, the rules find a small share of them and the prior comes out
    /// far too small. Estimated, each rule's recall is the product, over the comparisons it constrains, of the m of
    /// the best level and the share of pairs in which the field is present on both sides; the rules' recalls combine
    /// as independent (1 − Π(1 − recall)), floored at 0.05.</remarks>
    public double? DeterministicRecall { get; init; }

    /// <summary>Gets the most EM iterations per training rule. Default 25 (Splink's default).</summary>
    public int MaxIterations { get; init; } = 25;

    /// <summary>Gets the EM convergence threshold on the largest change of any m-probability between two
    /// iterations. Default 1e-4 (Splink's default).</summary>
    public double ConvergenceTolerance { get; init; } = 1e-4;

    /// <summary>
    /// Gets whether pairs that agree on a valid NHS number and on the full date of birth are taken as labelled
    /// matches (NHS England's "cross-check trace": PDS accepts an NHS number when the date of birth agrees). Default
    /// <see langword="true"/>. When there are at least <see cref="MinimumCrossCheckLabels"/> such pairs, the
    /// m-probabilities of every comparison other than <see cref="ComparisonKind.NhsNumber"/> and
    /// <see cref="ComparisonKind.DateOfBirth"/> that is observed (not missing) in at least that many of them are
    /// measured directly from the labelled pairs and replace the EM estimate; EM still estimates the rest. The date
    /// of birth's m is measured on pairs with the same valid NHS number and the NHS number's on pairs with the same
    /// full name and date of birth (EM cannot measure these two), whenever at least
    /// <see cref="MinimumObservationsPerLevel"/> such pairs observe them. Pairs sharing a valid NHS number also give
    /// the prior when there are at least <see cref="MinimumCrossCheckLabels"/> of them
    /// (<see cref="TrainingPriorSource.NhsNumberLabels"/>).
    /// </summary>
    public bool UseCrossCheckLabels { get; init; } = true;

    /// <summary>Gets the fewest cross-check labelled pairs (and non-missing observations of a comparison among them)
    /// needed to use them. Default 100.</summary>
    public int MinimumCrossCheckLabels { get; init; } = 100;

    /// <summary>Gets the largest block a training or deterministic rule compares; larger blocks (a placeholder value
    /// shared by thousands) are skipped. Default 5,000.</summary>
    public int MaxBlockSize { get; init; } = 5_000;

    /// <summary>
    /// Gets the most pairs one training stage compares: one training rule's EM session, one deterministic rule's
    /// share of matches, the cross-check, NHS-number and name-and-birth labels, the household context. Default
    /// 2,000,000: EM needs the shape of the comparison patterns, not every pair, and a rule such as "same postcode"
    /// produces hundreds of millions of pairs in a national extract. Beyond it the stage compares that many of the
    /// rule's pairs, those of lowest hash of the two records' ids and values and <see cref="Seed"/> (as Splink
    /// samples), so the sample is uniform, deterministic and the same whatever the order of the records; every such
    /// stage is listed in <see cref="TrainingResult.Samples"/>.
    /// </summary>
    public long MaxPairsPerTrainingRule { get; init; } = 2_000_000;

    /// <summary>
    /// Gets how many pairs per record one training stage may enumerate (hash, not compare), as
    /// <see cref="LinkOptions"/>' option of that name bounds the linker: the budget is records × this (left plus right
    /// when linking), at least 1,000,000. Default 200. A rule with more pairs than the budget is enumerated over a
    /// hashed sample of its records, and its number of pairs estimated from them
    /// (<see cref="TrainingSample.PairsEstimated"/>), so training time grows with the records, not with the pairs
    /// their blocks make. At least 1.
    /// </summary>
    public int MaxPairsPerRecord { get; init; } = 200;

    /// <summary>
    /// Gets the most pairs one block of a training, deterministic, label or household rule may make; a block with
    /// more is skipped like one over <see cref="MaxBlockSize"/> (and counted in
    /// <see cref="TrainingRuleReport.CappedBlocks"/>). Default 12,497,500, the pairs of one deduplication block of
    /// 5,000 records, so it bites only when <see cref="MaxBlockSize"/> is raised or for a linkage block lopsided
    /// enough. At least 1.
    /// </summary>
    public long MaxPairsPerBlock { get; init; } = 12_497_500;

    /// <summary>Gets the smallest m- or u-probability (and prior) training produces, greater than 0 and less than
    /// 0.5. Default 1e-6: every weight stays finite however lopsided the data.</summary>
    public double ProbabilityFloor { get; init; } = 1e-6;

    /// <summary>
    /// Gets how many pairs' worth of evidence the starting model's m- and u-probabilities count as: each is estimated
    /// as the posterior mean <c>(count + α·start) / (total + α)</c>, α being this strength, so little data moves
    /// the estimates little. At least 0 (0: the data's frequencies alone, maximum likelihood). Default 50.
    /// </summary>
    /// <remarks>The default starting values (<see cref="MatchModel.Default"/>) are what Splink's example models and NHS
    /// England's linkage model learn on supplier data: a good guess, not a measurement of these records. At 50, an
    /// extract with 50 true pairs moves an m half-way from its starting value to what the pairs show, one with 500
    /// true pairs 91% of the way, a national extract with millions all of the way; the random pairs behind u number
    /// hundreds of thousands, so the prior barely touches u. It applies to EM's M-step (a maximum-a-posteriori EM), to
    /// the cross-check labels' frequencies and to the random pairs' frequencies alike.</remarks>
    public double PriorStrength { get; init; } = 50;

    /// <summary>Gets the blocking rules a linkage model will link with: their candidate pairs train its
    /// <see cref="MatchModel.Competition"/> (<see cref="ModelTrainer.TrainLinkage"/> only; a deduplication model
    /// weighs pairs alone). Default <see cref="BlockingRule.Defaults"/>, the linker's default; empty to learn no
    /// competition.</summary>
    public IReadOnlyList<BlockingRule> CompetitionRules { get; init; } = BlockingRule.Defaults;

    /// <summary>Gets the decision policy of the trained model. Default <see cref="DecisionPolicy.Default"/>.</summary>
    public DecisionPolicy Policy { get; init; } = DecisionPolicy.Default;

    /// <summary>Gets the model training starts from. Its comparisons are the ones trained (and kept in the trained
    /// model); a parameter the data cannot estimate keeps its value from here. Default <see cref="MatchModel.Default"/>.</summary>
    public MatchModel StartingModel { get; init; } = MatchModel.Default;

    /// <summary>Gets pairs decided by reviewers (clerical review). Each labelled match whose ids are both in the
    /// inputs counts towards the m-probabilities as a posterior on top of the unsupervised estimate:
    /// <c>m = (labelled count + α·m_EM) / (labelled total + α)</c>, α being <see cref="PriorStrength"/>. Labelled
    /// non-matches are not used for training (u is measured on random pairs). Default empty.</summary>
    public IReadOnlyList<TrainingLabel> Labels { get; init; } = [];
}
