using System.Globalization;
using System.Text;
using NhsIdentity.Demographics;

namespace NhsIdentity.Synthetic;

/// <summary>
/// One invented person: the truth that supplier extracts hold with errors. Names are in title case as a careful
/// clerk would type them; the NHS number is valid and never issued to patients (999 range; see
/// <see cref="SyntheticPopulation"/> for populations over 600,000).
/// </summary>
public sealed class SyntheticPerson
{
    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net"];

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

    /// <summary>Gets the hospital number: <c>RX1</c> and seven digits (<c>RX3</c> and seven digits past the first ten
    /// million persons; <c>RX2</c> is the series duplicate registrations take), unique within the population.</summary>
    /// <remarks>Built on each call from <see cref="HospitalNumberDigits"/>, so a million persons do not hold a million strings.</remarks>
    public string HospitalNumber => FormatHospitalNumber(HospitalNumberDigits);

    /// <summary>Gets the digits of <see cref="HospitalNumber"/> as a number: below 10,000,000 the seven after
    /// <c>RX1</c>; from it on, the next block (<c>RX3</c>).</summary>
    public required int HospitalNumberDigits { get; init; }

    // Block 0 is RX1, block 1 is RX3: RX2 belongs to duplicate registrations (RowCorruptor), whose numbers are a
    // permutation of the same seven digits and would meet a person's.
    internal static string FormatHospitalNumber(int digits) =>
        (digits < HouseholdBuilder.HospitalNumberModulus ? "RX1" : "RX3")
        + (digits % HouseholdBuilder.HospitalNumberModulus).ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Gets a mobile number from Ofcom's range for drama (<c>07700 900xxx</c>), so no real person's; built on each call.</summary>
    public string Phone => "07700 900" + PhoneSuffix.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Gets the last three digits of <see cref="Phone"/> (0 to 999).</summary>
    public required int PhoneSuffix { get; init; }

    /// <summary>
    /// Gets an email address at an RFC 2606 example domain: <c>given.family</c> in lower case ASCII, two digits for
    /// half the persons, then <c>@example.com</c>, <c>.org</c> or <c>.net</c>; built on each call.
    /// </summary>
    public string Email
    {
        get
        {
            var text = new StringBuilder(48);
            AppendEmailPart(text, GivenName);
            text.Append('.');
            AppendEmailPart(text, FamilyName);
            if (EmailVariant >= 3)
            {
                text.Append(((EmailVariant / 3) - 1).ToString("D2", CultureInfo.InvariantCulture));
            }

            return text.Append('@').Append(EmailDomains[EmailVariant % 3]).ToString();
        }
    }

    /// <summary>Gets the choices behind <see cref="Email"/>: the domain (value modulo 3) and, from 3 up, the two digits ((value / 3) - 1).</summary>
    public required int EmailVariant { get; init; }

    /// <summary>Returns a description that names only <see cref="PersonId"/>.</summary>
    /// <returns><c>SyntheticPerson(id)</c>.</returns>
    public override string ToString() => "SyntheticPerson(" + PersonId.ToString(CultureInfo.InvariantCulture) + ")";

    private static void AppendEmailPart(StringBuilder text, string name)
    {
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c) || c == '-')
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
    }
}
