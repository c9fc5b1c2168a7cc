namespace NhsIdentity.Matching.Blocking;

/// <summary>The prepared values a <see cref="BlockingRule"/> can require two records to share.</summary>
/// <remarks>Every part is read from the record's prepared (normalised) form, so case, spacing and punctuation never
/// split a block. A record with any part of a rule missing is not blocked by that rule.</remarks>
public enum BlockingKeyPart
{
    /// <summary>The valid NHS number.</summary>
    NhsNumber = 0,

    /// <summary>The full date of birth (partial dates have none).</summary>
    DateOfBirth = 1,

    /// <summary>The year of birth.</summary>
    BirthYear = 2,

    /// <summary>The first given name, normalised.</summary>
    GivenName = 3,

    /// <summary>The first letter of the first given name.</summary>
    GivenInitial = 4,

    /// <summary>The family name, normalised, without hyphens or spaces.</summary>
    FamilyName = 5,

    /// <summary>The Soundex code of the family name.</summary>
    FamilySoundex = 6,

    /// <summary>The full postcode (UK unit, or a non-UK postal code as text).</summary>
    PostcodeUnit = 7,

    /// <summary>The postcode sector (UK postcodes only).</summary>
    PostcodeSector = 8,

    /// <summary>The postcode district (UK postcodes only).</summary>
    PostcodeDistrict = 9,

    /// <summary>The local identifier, upper-cased letters and digits.</summary>
    LocalIdentifier = 10,

    /// <summary>The email address, lower-cased.</summary>
    Email = 11,

    /// <summary>The telephone number's last ten digits.</summary>
    Phone = 12,

    /// <summary>The Double Metaphone primary code of the family name.</summary>
    FamilyMetaphone = 13,

    /// <summary>The registered GP practice's ODS code, upper-cased.</summary>
    GpPractice = 14,

    /// <summary>The Soundex codes of the first given name and of the family name as an unordered pair, so two records
    /// meet whichever field each name was keyed into (JOHN SMITH and SMYTH JON share it). Missing unless the record has
    /// both names.</summary>
    NameSoundexSet = 15,

    /// <summary>The address as a prepared token set (upper-case letters and digits, punctuation dropped, words sorted
    /// and each kept once), hashed: two addresses written in another word order, case or punctuation, or with a word
    /// repeated, share it; a different house number, an abbreviation (<c>RD</c> for <c>ROAD</c>) or a town present in
    /// one and absent in the other splits it. Missing unless the address has a digit (a house or flat number): words
    /// alone may name only a street or a town.</summary>
    Address = 16,
}
