namespace NhsIdentity.Matching;

/// <summary>How a match probability becomes a <see cref="MatchDecision"/>.</summary>
/// <remarks>
/// <para><b>Thresholds.</b> <see cref="MatchProbability"/> 0.99 (a match weight of about +6.6: the evidence must
/// outweigh the prior by 99 to 1) is the cut Splink's examples and NHS England's linkage model use for automatic
/// links; <see cref="ReviewProbability"/> 0.5 sends every pair that is more likely than not the same person, but not
/// certain enough, to a person.</para>
/// <para><b>Identity evidence.</b> Fellegi-Sunter assumes fields disagree independently, which fails inside a
/// household: twins share a family name, a date of birth and an address; a father and son may share a full name and
/// an address. With <see cref="RequireIdentityEvidence"/> (the default), a pair is never a <see cref="MatchDecision.Match"/>
/// — at most <see cref="MatchDecision.Review"/> — when the two records disagree outright on the first given name
/// (both have one, and the name level is <see cref="Comparisons.NameLevel.FamilyOnly"/> or
/// <see cref="Comparisons.NameLevel.Else"/>) or on the date of birth (<see cref="Comparisons.DateOfBirthLevel.Else"/>),
/// or hold two different valid NHS numbers (a verified NHS number identifies one person; two different ones need a
/// person to look, whatever else agrees), unless they share an identifier: equal valid NHS numbers or equal local identifiers (a hospital number is issued
/// once per person by its system). A missing value never contradicts. The same holds for likely twins: the same date
/// of birth and the same home (full postcode or a near-identical address) with given names that are alike but not the
/// same (name level <see cref="Comparisons.NameLevel.Phonetic"/>, <see cref="Comparisons.NameLevel.TokenOverlap"/> or
/// <see cref="Comparisons.NameLevel.JaroWinkler70"/>: JACK and JAKE). Twins whose names differ by one letter or are
/// nickname-equivalent cannot be told from a typing error without an identifier, and can still match. This mirrors
/// PDS tracing, which needs a given name and a date of birth to agree.</para>
/// </remarks>
/// <param name="MatchProbability">The probability at or above which a pair is a match.</param>
/// <param name="ReviewProbability">The probability at or above which a pair is for review.</param>
/// <param name="RequireIdentityEvidence">Whether a match needs the given name and date of birth not to disagree
/// outright (see remarks).</param>
public readonly record struct DecisionPolicy(double MatchProbability, double ReviewProbability, bool RequireIdentityEvidence)
{
    /// <summary>Gets the default policy: match at 0.99, review at 0.5, identity evidence required.</summary>
    public static DecisionPolicy Default { get; } = new(0.99, 0.5, true);

    /// <summary>Whether the thresholds are probabilities with <see cref="ReviewProbability"/> at most
    /// <see cref="MatchProbability"/>.</summary>
    public bool IsValid =>
        ReviewProbability >= 0 && MatchProbability <= 1 && ReviewProbability <= MatchProbability && !double.IsNaN(ReviewProbability + MatchProbability);
}
