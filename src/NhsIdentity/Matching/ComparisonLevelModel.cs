namespace NhsIdentity.Matching;

/// <summary>The Fellegi-Sunter parameters of one comparison level.</summary>
/// <param name="M">The m-probability: how often a true match is at this level (greater than 0, at most 1).</param>
/// <param name="U">The u-probability: how often two records of different people are at this level (greater than
/// 0, at most 1).</param>
public readonly record struct ComparisonLevelModel(double M, double U)
{
    /// <summary>Gets the level's match weight, <c>log2(M / U)</c>: the bits of evidence it gives for a match.</summary>
    public double Weight => Math.Log2(M / U);

    /// <summary>Gets the Bayes factor <c>M / U</c>.</summary>
    public double BayesFactor => M / U;

    /// <summary>Whether both probabilities are greater than 0 and at most 1, and their ratio is a finite number (so
    /// <see cref="Weight"/> is finite: a u of 5e-324 would make it infinite).</summary>
    public bool IsValid => M > 0 && M <= 1 && U > 0 && U <= 1 && double.IsFinite(M / U);
}
