using NhsIdentity.Demographics;

namespace NhsIdentity.Synthetic;

/// <summary>
/// One invented person: the truth that supplier extracts hold with errors. Names are in title case as a careful
/// clerk would type them; the NHS number is valid and never issued to patients (999 range; see
/// <see cref="SyntheticPopulation"/> for populations over 600,000).
/// </summary>
public sealed class SyntheticPerson
{
    /// <summary>Gets the person's index in the population (0-based); extracts' truth files name this id.</summary>
    public required int PersonId { get; init; }

    /// <summary>Gets the household: persons with the same id share an address (and usually a surname).</summary>
    public required int HouseholdId { get; init; }

    /// <summary>Gets how the person relates to their household.</summary>
    public required Relationship Relationship { get; init; }

    /// <summary>
    /// Gets the person this one is defined against (the head for a spouse, sibling or child; the other twin; the
    /// parent of a namesake), or -1 for a head or a single person.
    /// </summary>
    public int RelatedPersonId { get; init; } = -1;

    /// <summary>Gets the person's NHS number (every person has one; extracts leave it out at a configured rate).</summary>
    public required NhsNumber NhsNumber { get; init; }

    /// <summary>Gets the first given name (<c>"Jack"</c>).</summary>
    public required string GivenName { get; init; }

    /// <summary>Gets the middle names separated by spaces, or an empty string.</summary>
    public required string MiddleNames { get; init; }

    /// <summary>Gets the given name followed by the middle names (allocates when there are middle names).</summary>
    public string GivenNames => MiddleNames.Length == 0 ? GivenName : GivenName + " " + MiddleNames;

    /// <summary>Gets the family name, possibly double-barrelled (<c>"Smith-Jones"</c>).</summary>
    public required string FamilyName { get; init; }

    /// <summary>Gets the date of birth (1 January 1920 to 31 December 2025).</summary>
    public required DateOnly DateOfBirth { get; init; }

    /// <summary>Gets the sex (<see cref="Sex.Male"/> or <see cref="Sex.Female"/>).</summary>
    public required Sex Sex { get; init; }

    /// <summary>Gets the home address, shared by the household.</summary>
    public required SyntheticAddress Address { get; init; }

    /// <summary>Gets the hospital number: <c>RX1</c> and seven digits, unique within the population.</summary>
    public required string HospitalNumber { get; init; }

    /// <summary>Gets a mobile number from Ofcom's range for drama (<c>07700 900xxx</c>), so no real person's.</summary>
    public required string Phone { get; init; }

    /// <summary>Gets an email address at an RFC 2606 example domain (<c>example.com</c>, ...).</summary>
    public required string Email { get; init; }

    /// <summary>Returns a description that names only <see cref="PersonId"/>.</summary>
    /// <returns><c>SyntheticPerson(id)</c>.</returns>
    public override string ToString() => "SyntheticPerson(" + PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
