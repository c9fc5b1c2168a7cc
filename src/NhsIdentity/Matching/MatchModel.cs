using System.Globalization;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

/// <summary>
/// A Fellegi-Sunter match model: the prior probability that two records are the same person, the m- and
/// u-probabilities of every comparison level, and the policy that turns a probability into a decision.
/// </summary>
/// <remarks>
/// <para>A pair's match weight is <c>log2(λ / (1 - λ))</c> plus the weight <c>log2(m / u)</c> of each comparison's
/// level; a missing value weighs 0. Exact name and postcode levels get a term-frequency adjustment
/// <c>log2(u / max(tf_left, tf_right, floor))</c>, so agreeing on a common value counts for less than agreeing on a
/// rare one (Splink's formula). The probability is <c>2^w / (1 + 2^w)</c>.</para>
/// <para>Immutable and thread-safe: one instance can score pairs from any number of threads. Scoring reads only
/// prepared <see cref="RecordSet"/> columns and allocates nothing.</para>
/// </remarks>
public sealed partial class MatchModel
{
    /// <summary>The default <see cref="TermFrequencyFloor"/>: 1e-5. A value seen once in a small extract is not
    /// proof it is rare, so frequencies below this count as this.</summary>
    public const double DefaultTermFrequencyFloor = 1e-5;

    private readonly ComparisonModel[] _comparisons;
    private readonly ComparisonKind[] _active;
    private readonly float[] _weights;

    /// <summary>The weights for a pair in a household context (<see cref="ComparisonLevelModel.HouseholdWeight"/>).</summary>
    private readonly float[] _householdWeights;

    /// <summary>Whether any level weighs differently in a household context; when none does, the context is not
    /// looked for (models saved before household weights score exactly as they did).</summary>
    private readonly bool _householdAware;

    /// <summary>Per level: whether it weighs differently in a household context. Such a level takes no
    /// term-frequency adjustment there: a rare given name shared in one family (a son named after his father) is not
    /// the rare coincidence it is between strangers.</summary>
    private readonly bool[] _householdAwareLevels;

    /// <summary>For a pair in a household context, by first level × <see cref="ComparisonCatalog.CodesPerComparison"/>
    /// + second level: what the joint table adds to the two levels' household weights, <c>log2(hu₁ · hu₂ / u₁₂)</c>;
    /// 0 where there is no table or a side is missing.</summary>
    private readonly float[] _jointCorrections;

    /// <summary>By comparison and level code: what a level that tells the home (<see cref="LevelEvidence.SameAddress"/>)
    /// weighs in a household context when no postcode was compared, <c>log2(m / hu)</c> with hu the household u of
    /// the full postcode (how often two different people of one family name share a home, as training measured it);
    /// NaN for every other level, and for all when the model has no household-aware postcode.</summary>
    private readonly float[] _homeWeights;

    /// <summary>Whether agreeing addresses can tell a pair's home (<see cref="LevelEvidence.SameAddress"/>): only in a
    /// model that compares postcodes and has learned their household u. Without a postcode comparison the address
    /// column may hold no more than a town (Splink's <c>fake_1000</c> has a city), and a town is not a home.</summary>
    private readonly bool _homeByAddress;

    /// <summary>The joint table's comparisons as <see cref="ComparisonKind"/> numbers, or -1 without a table.</summary>
    private readonly int _jointFirst;
    private readonly int _jointSecond;

    /// <summary>Each comparison's compiled settings (parameters, levels used), by <see cref="ComparisonKind"/>.</summary>
    private readonly ComparisonSettings[] _settings;

    /// <summary>Each level's declared <see cref="LevelEvidence"/>, by comparison and level code (0 for missing codes).</summary>
    private readonly byte[] _evidence;

    /// <summary>log2 of each level's u (0 where a level has none): the term-frequency adjustment's first term, kept
    /// so scoring needs no logarithm per pair.</summary>
    private readonly double[] _log2U;
    private readonly double _log2TermFrequencyFloor;

    /// <summary>One bit per <see cref="ComparisonKind"/> the model makes.</summary>
    private readonly int _activeMask;
    private readonly double _priorWeight;

    /// <summary>Creates a model.</summary>
    /// <param name="priorMatchProbability">λ: the probability that two records picked at random are the same person,
    /// greater than 0 and less than 1.</param>
    /// <param name="comparisons">The comparisons to make, at most one per <see cref="ComparisonKind"/>.</param>
    /// <param name="policy">The decision thresholds.</param>
    /// <param name="termFrequencyFloor">The smallest term frequency used in adjustments, greater than 0 and at most 1.</param>
    /// <param name="jointHouseholdU">How two comparisons' levels occur together among members of one household, or null
    /// (see <see cref="JointHouseholdU"/>); both its comparisons must be in the model with the same numbers of levels.</param>
    /// <param name="competition">How a linked pair's competition with the other candidates of its records weighs, or
    /// null to weigh pairs alone (see <see cref="CompetitionModel"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="comparisons"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A parameter is out of range, a comparison appears twice,
    /// <paramref name="jointHouseholdU"/> names a comparison the model does not make or has other level counts, or a
    /// weight the model computes from its probabilities is not a finite number (a joint u of 1e-320, say); the message
    /// names the comparison and level, never a value.</exception>
    /// <remarks>A model that is valid but likely not what was meant (no comparisons, no review band, a prior that
    /// alone reaches a threshold) is built, and says so in <see cref="Warnings"/>.</remarks>
    public MatchModel(double priorMatchProbability, IEnumerable<ComparisonModel> comparisons, DecisionPolicy policy,
        double termFrequencyFloor = DefaultTermFrequencyFloor, JointHouseholdU? jointHouseholdU = null, CompetitionModel? competition = null)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        if (!(priorMatchProbability > 0 && priorMatchProbability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(priorMatchProbability), "The prior must be greater than 0 and less than 1.");
        }

        if (!policy.IsValid)
        {
            throw new ArgumentException("The review threshold must be a probability no greater than the match threshold.", nameof(policy));
        }

        if (!(termFrequencyFloor > 0 && termFrequencyFloor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(termFrequencyFloor), "The floor must be greater than 0 and at most 1.");
        }

        _comparisons = [.. comparisons];
        var seen = 0;
        foreach (var comparison in _comparisons)
        {
            ArgumentNullException.ThrowIfNull(comparison, nameof(comparisons));
            var bit = 1 << (int)comparison.Comparison;
            if ((seen & bit) != 0)
            {
                throw new ArgumentException($"The {comparison.Comparison} comparison appears twice.", nameof(comparisons));
            }

            seen |= bit;
        }

        Array.Sort(_comparisons, (x, y) => x.Comparison.CompareTo(y.Comparison));
        PriorMatchProbability = priorMatchProbability;
        Policy = policy;
        TermFrequencyFloor = termFrequencyFloor;
        _priorWeight = Math.Log2(priorMatchProbability / (1 - priorMatchProbability));
        _active = new ComparisonKind[_comparisons.Length];
        _weights = new float[ComparisonCatalog.Count * ComparisonCatalog.CodesPerComparison];
        _householdWeights = new float[_weights.Length];
        _householdAwareLevels = new bool[_weights.Length];
        _log2U = new double[_weights.Length];
        _evidence = new byte[_weights.Length];
        _settings = new ComparisonSettings[ComparisonCatalog.Count];
        _log2TermFrequencyFloor = Math.Log2(termFrequencyFloor);
        for (var c = 0; c < _comparisons.Length; c++)
        {
            var kind = _comparisons[c].Comparison;
            _active[c] = kind;
            _activeMask |= 1 << (int)kind;
            _settings[(int)kind] = ComparisonSettings.From(_comparisons[c]);
            var levels = _comparisons[c].Levels;
            for (var level = 0; level < levels.Count; level++)
            {
                var slot = ((int)kind * ComparisonCatalog.CodesPerComparison) + level;
                _weights[slot] = (float)levels[level].Weight;
                _householdWeights[slot] = (float)levels[level].HouseholdWeight;
                _householdAwareLevels[slot] = levels[level].HouseholdU != levels[level].U;
                _householdAware |= _householdAwareLevels[slot];
                _log2U[slot] = Math.Log2(levels[level].U);
                _evidence[slot] = (byte)_comparisons[c].Definition.Levels[level].Evidence;
            }
        }

        _homeWeights = HomeWeights(out _homeByAddress);
        JointHouseholdU = jointHouseholdU;
        Competition = competition;
        _jointCorrections = JointCorrections(jointHouseholdU, out _jointFirst, out _jointSecond);
        _householdAware |= jointHouseholdU is not null;
        (_upperWeights, _upperAnyLevel) = UpperBounds();
        _codesByUpper = CodesByUpper();
        CheckComputedWeights(nameof(priorMatchProbability), nameof(comparisons));
        Warnings = FindWarnings();
    }

    /// <summary>Gets λ, the prior probability that two records are the same person.</summary>
    public double PriorMatchProbability { get; }

    /// <summary>Gets the prior as a match weight, <c>log2(λ / (1 - λ))</c>: where every waterfall starts.</summary>
    public double PriorWeight => _priorWeight;

    /// <summary>Gets the comparisons the model makes, in <see cref="ComparisonKind"/> order.</summary>
    public IReadOnlyList<ComparisonModel> Comparisons => _comparisons;

    /// <summary>Gets the decision policy.</summary>
    public DecisionPolicy Policy { get; }

    /// <summary>Gets the smallest term frequency used in adjustments.</summary>
    public double TermFrequencyFloor { get; }

    /// <summary>Gets how two comparisons' levels occur together among members of one household, or null when the model
    /// multiplies their household u-probabilities as independent.</summary>
    public JointHouseholdU? JointHouseholdU { get; }

    /// <summary>Gets how a linked pair's competition with the other candidates of its two records weighs (learned by
    /// <see cref="Training.ModelTrainer.TrainLinkage"/>), or null when pairs are weighed alone; see
    /// <see cref="CompetitionModel"/> for where it applies.</summary>
    public CompetitionModel? Competition { get; }

    /// <summary>Gets the parameters of one comparison, or null when the model does not make it.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The comparison's parameters, or null.</returns>
    public ComparisonModel? GetComparison(ComparisonKind comparison)
    {
        foreach (var model in _comparisons)
        {
            if (model.Comparison == comparison)
            {
                return model;
            }
        }

        return null;
    }

    /// <summary>Returns a copy with another prior.</summary>
    /// <param name="priorMatchProbability">The new λ.</param>
    /// <returns>The new model.</returns>
    public MatchModel WithPrior(double priorMatchProbability) =>
        new(priorMatchProbability, _comparisons, Policy, TermFrequencyFloor, JointHouseholdU, Competition);

    /// <summary>Returns a copy with another decision policy.</summary>
    /// <param name="policy">The new policy.</param>
    /// <returns>The new model.</returns>
    public MatchModel WithPolicy(DecisionPolicy policy) => new(PriorMatchProbability, _comparisons, policy, TermFrequencyFloor, JointHouseholdU, Competition);

    /// <summary>Returns a copy with another joint household table, or none.</summary>
    /// <param name="jointHouseholdU">The table, or null.</param>
    /// <returns>The new model.</returns>
    /// <exception cref="ArgumentException">The table names a comparison the model does not make or has other level counts.</exception>
    public MatchModel WithJointHouseholdU(JointHouseholdU? jointHouseholdU) =>
        new(PriorMatchProbability, _comparisons, Policy, TermFrequencyFloor, jointHouseholdU, Competition);

    /// <summary>Returns a copy that weighs competition among a linkage's candidates with these parameters, or not at
    /// all.</summary>
    /// <param name="competition">The competition comparison, or null.</param>
    /// <returns>The new model.</returns>
    public MatchModel WithCompetition(CompetitionModel? competition) =>
        new(PriorMatchProbability, _comparisons, Policy, TermFrequencyFloor, JointHouseholdU, competition);

    /// <summary>Returns a copy in which a comparison's parameters are added or replaced.</summary>
    /// <param name="comparison">The comparison's new parameters.</param>
    /// <remarks>A <see cref="JointHouseholdU"/> table that names the comparison is kept when the comparison keeps its
    /// number of levels, and dropped otherwise.</remarks>
    /// <returns>The new model.</returns>
    public MatchModel WithComparison(ComparisonModel comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var list = new List<ComparisonModel>(_comparisons.Length + 1) { comparison };
        foreach (var existing in _comparisons)
        {
            if (existing.Comparison != comparison.Comparison)
            {
                list.Add(existing);
            }
        }

        var joint = JointHouseholdU;
        if (joint is not null && ((joint.First == comparison.Comparison && joint.FirstLevels != comparison.Levels.Count)
            || (joint.Second == comparison.Comparison && joint.SecondLevels != comparison.Levels.Count)))
        {
            joint = null;
        }

        return new MatchModel(PriorMatchProbability, list, Policy, TermFrequencyFloor, joint, Competition);
    }

    /// <summary>Returns a copy that no longer makes one comparison.</summary>
    /// <param name="comparison">The comparison to drop.</param>
    /// <returns>The new model.</returns>
    /// <remarks>A <see cref="JointHouseholdU"/> table that names the comparison is dropped with it.</remarks>
    public MatchModel WithoutComparison(ComparisonKind comparison)
    {
        var list = new List<ComparisonModel>(_comparisons.Length);
        foreach (var existing in _comparisons)
        {
            if (existing.Comparison != comparison)
            {
                list.Add(existing);
            }
        }

        var joint = JointHouseholdU is { } j && (j.First == comparison || j.Second == comparison) ? null : JointHouseholdU;
        return new MatchModel(PriorMatchProbability, list, Policy, TermFrequencyFloor, joint, Competition);
    }

    /// <summary>Describes the model (prior and comparisons; no patient data).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MatchModel(λ = {PriorMatchProbability:G4}, {_comparisons.Length} comparisons)");

    /// <summary>Fills <see cref="_homeWeights"/>. A shared home among one family name's members is what the full
    /// postcode's household u measures; when the records give no postcode to compare, agreeing addresses are that
    /// evidence, and weigh the same m against the same household u (not the address's own household u, which is the
    /// chance that two members of one household with one postcode also write the address alike).</summary>
    private float[] HomeWeights(out bool homeByAddress)
    {
        var weights = new float[_weights.Length];
        weights.AsSpan().Fill(float.NaN);
        var postcode = Array.Find(_comparisons, c => c.Comparison == ComparisonKind.Postcode);
        if (postcode is null || postcode.Levels[(int)PostcodeLevel.Full] is var full && full.HouseholdU == full.U)
        {
            homeByAddress = false;
            return weights;
        }

        homeByAddress = true;
        var homeU = postcode.Levels[(int)PostcodeLevel.Full].HouseholdU;

        foreach (var comparison in _comparisons)
        {
            for (var level = 0; level < comparison.Levels.Count; level++)
            {
                if ((comparison.Definition.Levels[level].Evidence & LevelEvidence.SameAddress) != 0)
                {
                    weights[((int)comparison.Comparison * ComparisonCatalog.CodesPerComparison) + level] =
                        (float)Math.Log2(comparison.Levels[level].M / homeU);
                }
            }
        }

        return weights;
    }

    private float[] JointCorrections(JointHouseholdU? jointHouseholdU, out int first, out int second)
    {
        var corrections = new float[ComparisonCatalog.CodesPerComparison * ComparisonCatalog.CodesPerComparison];
        (first, second) = (-1, -1);
        var joint = jointHouseholdU;
        if (joint is null)
        {
            return corrections;
        }

        var firstModel = GetComparison(joint.First);
        var secondModel = GetComparison(joint.Second);
        if (firstModel is null || secondModel is null || firstModel.Levels.Count != joint.FirstLevels || secondModel.Levels.Count != joint.SecondLevels)
        {
            throw new ArgumentException("The joint household table names a comparison the model does not make, or one with another number of levels.",
                nameof(jointHouseholdU));
        }

        for (var a = 0; a < joint.FirstLevels; a++)
        {
            for (var b = 0; b < joint.SecondLevels; b++)
            {
                var correction = (float)Math.Log2(firstModel.Levels[a].HouseholdU * secondModel.Levels[b].HouseholdU / joint[a, b]);
                if (!float.IsFinite(correction))
                {
                    // Each u is in (0, 1], but their ratio can leave the numbers: a u of 1e-320 makes it infinite.
                    throw new ArgumentException(
                        $"The joint household table's u for {firstModel.Definition.Name} {firstModel.Definition.Levels[a].Name} × " +
                        $"{secondModel.Definition.Name} {secondModel.Definition.Levels[b].Name} gives a weight that is not a finite number " +
                        "(it is too small next to the two levels' household u).",
                        nameof(jointHouseholdU));
                }

                corrections[(a * ComparisonCatalog.CodesPerComparison) + b] = correction;
            }
        }

        (first, second) = ((int)joint.First, (int)joint.Second);
        return corrections;
    }
}
