using System.Globalization;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Groups;

/// <summary>
/// The groups a record falls in for "who is left unlinked": age band, sex, postcode area and the characters of its
/// name. Each is coarse on purpose: the table says whether the matcher fails some people more than others, never who
/// they are (a postcode area such as <c>LS</c> covers hundreds of thousands of people).
/// </summary>
internal static class RecordGroups
{
    /// <summary>The dimensions, in the order the table lists them.</summary>
    public static readonly string[] Dimensions = ["age_band", "sex", "postcode_area", "name_characters"];

    /// <summary>The label for a record whose field is empty or cannot be read.</summary>
    public const string Unknown = "unknown";

    /// <summary>The record's group in each of <see cref="Dimensions"/>, in that order.</summary>
    public static string[] Of(PatientRecord record, DateOnly asOf, DateOrder order) =>
        [AgeBand(record.DateOfBirth, asOf, order), SexGroup(record.Sex), PostcodeArea(record.Postcode), NameCharacters(record.GivenNames, record.FamilyName)];

    /// <summary>Age on <paramref name="asOf"/> in bands (0–15, 16–29, 30–44, 45–64, 65–79, 80+); a date with only a
    /// year (or year and month) is placed by its year; unknown when missing, unreadable or after
    /// <paramref name="asOf"/>.</summary>
    public static string AgeBand(string? dateOfBirth, DateOnly asOf, DateOrder order)
    {
        if (!DateOfBirth.TryParse(dateOfBirth, order, out var date))
        {
            return Unknown;
        }

        var age = asOf.Year - date.Year;
        if (date.Precision == DateOfBirthPrecision.Day && (asOf.Month < date.Month || (asOf.Month == date.Month && asOf.Day < date.Day)))
        {
            age--;
        }

        return age switch
        {
            < 0 => Unknown,
            < 16 => "0-15",
            < 30 => "16-29",
            < 45 => "30-44",
            < 65 => "45-64",
            < 80 => "65-79",
            _ => "80+",
        };
    }

    /// <summary>female, male, other (indeterminate or other) or unknown, read as matching reads it.</summary>
    public static string SexGroup(string? sex) =>
        !SexCodes.TryParse(sex, out var parsed) ? Unknown : parsed switch
        {
            Sex.Female => "female",
            Sex.Male => "male",
            Sex.Indeterminate or Sex.Other => "other",
            _ => Unknown,
        };

    /// <summary>The UK postcode area (the letters before the first digit: <c>LS</c>, <c>CF</c>; <c>BFPO</c> for every
    /// forces number), <c>non-UK</c> for a code that is not a UK postcode, <c>pseudo</c> for <c>ZZ99</c>-style codes,
    /// <c>overseas-territory</c> and <c>non-geographic</c> (<c>GIR 0AA</c>) for the codes that are a whole postcode
    /// apiece (their area would print the record's postcode), unknown when missing.</summary>
    public static string PostcodeArea(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return Unknown;
        }

        if (!Postcode.TryParse(postcode, out var parsed))
        {
            return "non-UK";
        }

        return parsed.Kind switch
        {
            PostcodeKind.Pseudo => "pseudo",
            PostcodeKind.OverseasTerritory => "overseas-territory",
            PostcodeKind.Girobank => "non-geographic",
            _ => parsed.Area,
        };
    }

    /// <summary>
    /// The characters of the given and family names: <c>plain</c> (ASCII letters, spaces, hyphens, apostrophes),
    /// <c>latin-diacritics</c> (Latin letters with accents or ligatures, which matching folds to ASCII: Zoë, Łukasz,
    /// Søren), <c>other-script</c> (letters of another script: Greek, Cyrillic, Arabic, Han...), unknown when both are
    /// empty. The heaviest class of any character wins.
    /// </summary>
    public static string NameCharacters(string? given, string? family)
    {
        if (string.IsNullOrWhiteSpace(given) && string.IsNullOrWhiteSpace(family))
        {
            return Unknown;
        }

        var worst = 0;
        foreach (var text in (ReadOnlySpan<string?>)[given, family])
        {
            foreach (var c in text ?? string.Empty)
            {
                worst = Math.Max(worst, ClassOf(c));
            }
        }

        return worst switch
        {
            0 => "plain",
            1 => "latin-diacritics",
            _ => "other-script",
        };
    }

    /// <summary>0 for ASCII (and anything else that is neither a letter nor a diacritic), 1 for a Latin letter outside
    /// ASCII or a combining diacritic (a decomposed Zoë is Zoe and U+0308; on a letter of another script the letter
    /// wins), 2 for a letter of another script.</summary>
    private static int ClassOf(char c)
    {
        if (c < 0x80)
        {
            return 0;
        }

        if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return 1;
        }

        if (!char.IsLetter(c))
        {
            return 0;
        }

        // Latin-1 Supplement letters, Latin Extended-A and -B, IPA, Latin Extended Additional.
        return c is (>= '\u00C0' and <= '\u02AF') or (>= '\u1E00' and <= '\u1EFF') ? 1 : 2;
    }

    /// <summary>Parses <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParseAsOf(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
