namespace NhsIdentity.Fhir;

/// <summary>The FHIR <c>match-grade</c> of a <c>$match</c> candidate (value set
/// http://hl7.org/fhir/ValueSet/match-grade), best last so grades compare in order of confidence.</summary>
public enum MatchGrade
{
    /// <summary><c>certainly-not</c>: the record is known not to be a match.</summary>
    CertainlyNot = 0,

    /// <summary><c>possible</c>: the record may be a match; a person should review it before using it.</summary>
    Possible = 1,

    /// <summary><c>probable</c>: a close match but not certain; review (for example by a person) may be needed.</summary>
    Probable = 2,

    /// <summary><c>certain</c>: meets the matching criteria to be taken as a match automatically.</summary>
    Certain = 3,
}
