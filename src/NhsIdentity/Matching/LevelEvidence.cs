namespace NhsIdentity.Matching;

/// <summary>What reaching a comparison level says about identity, beyond its weight: the facts the
/// <see cref="DecisionPolicy"/>'s identity-evidence rule reads (see <see cref="DecisionPolicy.RequireIdentityEvidence"/>).</summary>
/// <remarks>Declared by each comparison's definition (<see cref="ComparisonLevelDefinition.Evidence"/>), so the rule
/// never names a comparison itself.</remarks>
[Flags]
public enum LevelEvidence
{
    /// <summary>Nothing beyond the weight.</summary>
    None = 0,

    /// <summary>The values agree: equal, or near-certainly the same value written differently. Descriptive: the
    /// decision policy does not read it.</summary>
    Agrees = 1,

    /// <summary>The values disagree outright, so the pair needs a shared identifier to be a match.</summary>
    Contradicts = 2,

    /// <summary>The records share an identifier issued once per person (a valid NHS number, a hospital number).</summary>
    SharesIdentifier = 4,

    /// <summary>The records give the same full date of birth.</summary>
    SameBirth = 8,

    /// <summary>The records give the same home (the full postcode, or a near-identical address).</summary>
    SameHome = 16,

    /// <summary>The given names are alike but not the same (JACK and JAKE): with <see cref="SameBirth"/> and
    /// <see cref="SameHome"/>, the mark of twins.</summary>
    NamesAlikeNotSame = 32,
}
