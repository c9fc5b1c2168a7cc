namespace NhsIdentity.Matching;

/// <summary>What reaching a comparison level says about identity, beyond its weight.</summary>
/// <remarks>Declared by each comparison's definition (<see cref="ComparisonLevelDefinition.Evidence"/>). The
/// <see cref="DecisionPolicy"/> reads only <see cref="Contradicts"/>; the household context reads
/// <see cref="SameHome"/>, <see cref="SameAddress"/>, <see cref="SameFamily"/>, <see cref="SharesIdentifier"/>,
/// <see cref="SameGivenName"/> and <see cref="SameBirthDate"/>. So neither names a comparison itself.</remarks>
[Flags]
public enum LevelEvidence
{
    /// <summary>Nothing beyond the weight.</summary>
    None = 0,

    /// <summary>The values agree: equal, or near-certainly the same value written differently. Training never lets
    /// such a level weigh against a match.</summary>
    Agrees = 1,

    /// <summary>Two identifiers issued once per person disagree (two different valid NHS numbers): with
    /// <see cref="DecisionPolicy.DifferentNhsNumbersNeverMatch"/> the pair is at most
    /// <see cref="MatchDecision.Review"/>.</summary>
    Contradicts = 2,

    /// <summary>The records share an identifier issued once per person (a valid NHS number, a hospital number).
    /// The decision policy does not read it; a pair with it is never weighed as two members of one household.</summary>
    SharesIdentifier = 4,

    /// <summary>The records give the same home: the full postcode. With <see cref="SameFamily"/> the pair is weighed as
    /// two records of one household would be (<see cref="MatchExplanation.InHouseholdContext"/>). Agreeing addresses
    /// with different postcodes do not count: a postcode typed wrong between two records of one person is far
    /// commoner than a household with one (see <see cref="SameAddress"/> for records with no postcode to compare).</summary>
    SameHome = 8,

    /// <summary>The family names agree or are alike (any level but a wholly different name). With
    /// <see cref="SameHome"/> the pair is in a household context.</summary>
    SameFamily = 16,

    /// <summary>The first given names are equal. Members of one household share a given name (a son named after his
    /// father) or a date of birth (twins), not both: a pair with <see cref="SameGivenName"/> and
    /// <see cref="SameBirthDate"/> is weighed as strangers are even in a household context, so an exact duplicate
    /// never scores below a pair that agrees on less.</summary>
    SameGivenName = 32,

    /// <summary>The full dates of birth are equal (see <see cref="SameGivenName"/>).</summary>
    SameBirthDate = 64,

    /// <summary>The addresses agree. When no postcode is compared (one record or both have none, or the model makes
    /// no postcode comparison) this stands for <see cref="SameHome"/>: twins recorded once without a postcode are
    /// still two members of one household. In that household context the level weighs what a shared home weighs
    /// there, with the full postcode's household u.</summary>
    SameAddress = 128,
}
