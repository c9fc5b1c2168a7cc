namespace NhsIdentity.Matching;

/// <summary>The Fellegi-Sunter parameters of one comparison level.</summary>
/// <param name="M">The m-probability: how often a true match is at this level (greater than 0, at most 1).</param>
/// <param name="U">The u-probability: how often two records of different people are at this level (greater than
/// 0, at most 1).</param>
/// <param name="HouseholdU">The u-probability among records of different people who share a household: the same
/// family name and the same postcode (greater than 0, at most 1). Fellegi-Sunter assumes the comparisons of two
/// different people are independent; in one household they are not (twins share a birthday, a parent and child a
/// phone and a practice), so pairs in a household context are weighed with these. Equal to <see cref="U"/> when the
/// level is not household-aware.</param>
/// <remarks>See <see cref="MatchExplanation.InHouseholdContext"/> for when a pair is in a household context.</remarks>
public readonly record struct ComparisonLevelModel(double M, double U, double HouseholdU)
{
    /// <summary>Initializes a level that weighs the same inside and outside a household (<see cref="HouseholdU"/>
    /// equal to <paramref name="u"/>).</summary>
    /// <param name="m">The m-probability.</param>
    /// <param name="u">The u-probability.</param>
    public ComparisonLevelModel(double m, double u)
        : this(m, u, u)
    {
    }

    /// <summary>Gets the level's match weight, <c>log2(M / U)</c>: the bits of evidence it gives for a match.</summary>
    public double Weight => Math.Log2(M / U);

    /// <summary>Gets the level's match weight for a pair in a household context, <c>log2(M / HouseholdU)</c>.</summary>
    public double HouseholdWeight => Math.Log2(M / HouseholdU);

    /// <summary>Gets the Bayes factor <c>M / U</c>.</summary>
    public double BayesFactor => M / U;

    /// <summary>Whether the probabilities are greater than 0 and at most 1, and the ratios are finite numbers (so
    /// <see cref="Weight"/> and <see cref="HouseholdWeight"/> are finite: a u of 5e-324 would make them infinite).</summary>
    public bool IsValid => M > 0 && M <= 1 && U > 0 && U <= 1 && HouseholdU > 0 && HouseholdU <= 1
        && double.IsFinite(M / U) && double.IsFinite(M / HouseholdU);
}
