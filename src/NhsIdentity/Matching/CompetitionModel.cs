using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>
/// What a linked pair's competition with the other candidates of its two records says about it: one m and u per
/// <see cref="CandidateCompetition"/> level, learned by training on a linkage.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> Fellegi-Sunter weighs each pair alone. Two supplier extracts, though, each hold a person about
/// once, so the pairs are not independent: when a father and his namesake son are both in both extracts, the four
/// pairs between them look alike pair by pair, but the right two explain each other away. A pair whose records have no
/// other good candidate cannot be such a mix-up, unless the partner of each record is missing from the other extract.
/// The pairwise model cannot see this; this comparison does. Its m is how often a true pair is unrivalled, best of its
/// rivals or outranked; its u the same among different people, both over the candidate pairs of the blocking rules,
/// estimated by EM with the pairwise weights fixed (see <see cref="Training.ModelTrainer"/>). How much an unrivalled
/// pair gains therefore follows from how many people the two extracts share: with little overlap, an unrivalled pair of
/// strangers is common and the level weighs little.</para>
/// <para><b>Where it applies.</b> The linker weighs it when linking two record sets, after every candidate pair has
/// its pairwise weight: a pair's weight becomes the pairwise weight plus the weight of its level, and its decision is
/// made again (the policy's cap still holds: two different valid NHS numbers never match). It is not weighed in a
/// deduplication (a person's several records in one file do not exclude each other) or by
/// <see cref="PatientIndex"/>, which sees one query at a time.</para>
/// </remarks>
public sealed class CompetitionModel
{
    /// <summary>The default competitor probability: a candidate the pairwise model would at least send to review.</summary>
    public const double DefaultCompetitorProbability = 0.5;

    /// <summary>The pairwise match probability at or above which two records of one extract count as one person
    /// (0.999): a candidate pair whose record is such a duplicate of this pair's record is not its rival, so one
    /// person's two records in one extract do not outrank each other's link. Ten times stricter than the default
    /// match threshold (0.99), because taking two people for one here silences the very rivalry that keeps twins and
    /// other look-alike members of one household apart; they score below it and stay rivals. Two records with
    /// different valid NHS numbers are never duplicates (the decision policy's cap). Past
    /// sixteen such duplicates of one record, the next candidate counts as a rival whatever it is.</summary>
    public static double DuplicateProbability { get; } = 0.999;

    /// <summary>Initializes the comparison.</summary>
    /// <param name="competitorProbability">The pairwise match probability from which another candidate counts as a
    /// rival (greater than 0 and less than 1).</param>
    /// <param name="unrivalled">m and u of <see cref="CandidateCompetition.Unrivalled"/>.</param>
    /// <param name="bestOfRivals">m and u of <see cref="CandidateCompetition.BestOfRivals"/>.</param>
    /// <param name="outranked">m and u of <see cref="CandidateCompetition.Outranked"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="competitorProbability"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A level is not <see cref="ComparisonLevelModel.IsValid"/>.</exception>
    public CompetitionModel(double competitorProbability, ComparisonLevelModel unrivalled, ComparisonLevelModel bestOfRivals,
        ComparisonLevelModel outranked)
    {
        if (!(competitorProbability > 0 && competitorProbability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(competitorProbability), "The competitor probability must be greater than 0 and less than 1.");
        }

        Check(unrivalled, nameof(unrivalled));
        Check(bestOfRivals, nameof(bestOfRivals));
        Check(outranked, nameof(outranked));
        CompetitorProbability = competitorProbability;
        CompetitorWeight = Math.Log2(competitorProbability / (1 - competitorProbability));
        Unrivalled = unrivalled;
        BestOfRivals = bestOfRivals;
        Outranked = outranked;
        MaxWeight = Math.Max(unrivalled.Weight, Math.Max(bestOfRivals.Weight, outranked.Weight));
    }

    /// <summary>Gets the pairwise match probability from which another candidate of a record counts as a rival.</summary>
    public double CompetitorProbability { get; }

    /// <summary>Gets <see cref="CompetitorProbability"/> as a match weight (log2 of its odds).</summary>
    public double CompetitorWeight { get; }

    /// <summary>Gets m and u of <see cref="CandidateCompetition.Unrivalled"/>.</summary>
    public ComparisonLevelModel Unrivalled { get; }

    /// <summary>Gets m and u of <see cref="CandidateCompetition.BestOfRivals"/>.</summary>
    public ComparisonLevelModel BestOfRivals { get; }

    /// <summary>Gets m and u of <see cref="CandidateCompetition.Outranked"/>.</summary>
    public ComparisonLevelModel Outranked { get; }

    /// <summary>Gets the largest weight of the three levels: the most competition can add to a pair.</summary>
    public double MaxWeight { get; }

    /// <summary>Gets a level's m and u.</summary>
    /// <param name="competition">The level.</param>
    /// <returns>Its m and u.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="competition"/> is
    /// <see cref="CandidateCompetition.NotWeighed"/> or not a defined level.</exception>
    public ComparisonLevelModel this[CandidateCompetition competition] => competition switch
    {
        CandidateCompetition.Unrivalled => Unrivalled,
        CandidateCompetition.BestOfRivals => BestOfRivals,
        CandidateCompetition.Outranked => Outranked,
        _ => throw new ArgumentOutOfRangeException(nameof(competition), "Only the three weighed levels have an m and u."),
    };

    /// <summary>The weight a level adds to a pair; 0 for <see cref="CandidateCompetition.NotWeighed"/>.</summary>
    /// <param name="competition">The level.</param>
    /// <returns>log2(m / u) of the level, or 0.</returns>
    public double WeightOf(CandidateCompetition competition) =>
        competition == CandidateCompetition.NotWeighed ? 0 : this[competition].Weight;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"CompetitionModel(rival from p = {CompetitorProbability:G4}; unrivalled {Unrivalled.Weight:+0.00;-0.00} bits, best of rivals {BestOfRivals.Weight:+0.00;-0.00}, outranked {Outranked.Weight:+0.00;-0.00})");

    private static void Check(ComparisonLevelModel level, string name)
    {
        if (!level.IsValid)
        {
            throw new ArgumentException("m and u must each be greater than 0 and at most 1, with a finite ratio.", name);
        }
    }
}
