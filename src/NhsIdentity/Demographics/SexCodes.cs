using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

/// <summary>
/// Reads and writes the sex codes of the systems NHS records come from, allocation-free and culture-invariant, and
/// says which values the matcher can compare.
/// </summary>
/// <remarks>
/// <para>
/// Parsing trims white space, ignores ASCII case, and treats runs of spaces, hyphens and underscores inside words as
/// one space (<c>"Not known"</c>, <c>"not-known"</c>, <c>"NOT_KNOWN"</c>). <c>"notknown"</c> is accepted too. Codes
/// from different systems never disagree, so there is no "code system" argument:
/// </para>
/// <list type="table">
/// <listheader><term>Text</term><description>Value and source</description></listheader>
/// <item><term><c>1</c>, <c>M</c>, <c>male</c>, <c>man</c>, <c>boy</c></term><description><see cref="Sex.Male"/>: Data Dictionary PERSON STATED GENDER CODE and PERSON GENDER CODE 1; FHIR <c>male</c>; HL7 v2 table 0001 and DICOM (0010,0040) <c>M</c>.</description></item>
/// <item><term><c>2</c>, <c>F</c>, <c>female</c>, <c>woman</c>, <c>girl</c></term><description><see cref="Sex.Female"/>: Data Dictionary 2; FHIR <c>female</c>; HL7 v2 and DICOM <c>F</c>.</description></item>
/// <item><term><c>9</c>, <c>I</c>, <c>indeterminate</c>, <c>not specified</c>, <c>A</c>, <c>ambiguous</c></term><description><see cref="Sex.Indeterminate"/>: Data Dictionary PERSON STATED GENDER CODE 9 "Indeterminate" and PERSON GENDER CODE 9 "Not specified" (defined as indeterminate); HL7 v2 <c>A</c> (Ambiguous).</description></item>
/// <item><term><c>O</c>, <c>other</c></term><description><see cref="Sex.Other"/>: FHIR <c>other</c>; HL7 v2 and DICOM <c>O</c>.</description></item>
/// <item><term><c>0</c>, <c>X</c>, <c>U</c>, <c>unknown</c>, <c>unk</c>, <c>not known</c>, <c>not stated</c>, <c>not recorded</c>, <c>N</c>, <c>not applicable</c></term><description><see cref="Sex.Unknown"/>: Data Dictionary PERSON GENDER CODE 0 "Not known" and PERSON STATED GENDER CODE X "Not Known"; FHIR <c>unknown</c>; HL7 v2 <c>U</c> (Unknown) and <c>N</c> (Not applicable); HL7 v3 null flavour <c>UNK</c>.</description></item>
/// </list>
/// <para>
/// Note that newer HL7 v2 versions add <c>X</c> (non-binary) to table 0001; here <c>X</c> is the Data Dictionary's
/// "not known", which is what NHS extracts mean by it. Empty text and anything else fail: a caller who wants
/// "missing means unknown" says so explicitly.
/// </para>
/// <para>
/// Sources: NHS Data Dictionary, PERSON STATED GENDER CODE and PERSON GENDER CODE
/// (https://www.datadictionary.nhs.uk/data_elements/person_stated_gender_code.html,
/// https://www.datadictionary.nhs.uk/data_elements/person_gender_code.html); HL7 FHIR AdministrativeGender
/// (https://hl7.org/fhir/R4/valueset-administrative-gender.html); HL7 v2 table 0001 Administrative Sex
/// (http://terminology.hl7.org/CodeSystem/v2-0001); DICOM PS3.3 C.7.1.1, Patient's Sex (0010,0040): M, F, O.
/// </para>
/// </remarks>
public static class SexCodes
{
    /// <summary>Tries to read a sex code or word from <paramref name="text"/>; see <see cref="SexCodes"/> for the table.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="sex">The value, or <see cref="Sex.Unknown"/> on failure.</param>
    /// <returns><see langword="true"/> when the text is a known code or word. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Sex sex) => SexCodeParser.TryParse(text, out sex);

    /// <summary>Tries to read a sex code or word from <paramref name="text"/>; see <see cref="SexCodes"/> for the table.</summary>
    /// <param name="text">The text to read; <see langword="null"/> fails.</param>
    /// <param name="sex">The value, or <see cref="Sex.Unknown"/> on failure.</param>
    /// <returns><see langword="true"/> when the text is a known code or word. Never throws; allocates nothing.</returns>
    public static bool TryParse(string? text, out Sex sex) => SexCodeParser.TryParse(text.AsSpan(), out sex);

    /// <summary>Tries to read a sex code or word from UTF-8 <paramref name="utf8Text"/>; see <see cref="SexCodes"/> for the table.</summary>
    /// <param name="utf8Text">The UTF-8 text to read.</param>
    /// <param name="sex">The value, or <see cref="Sex.Unknown"/> on failure.</param>
    /// <returns><see langword="true"/> when the text is a known code or word. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Sex sex) => SexCodeParser.TryParse(utf8Text, out sex);

    /// <summary>Reads a sex code or word from <paramref name="text"/>; see <see cref="SexCodes"/> for the table.</summary>
    /// <param name="text">The text to read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a known code or word; the message never contains the text.</exception>
    public static Sex Parse(ReadOnlySpan<char> text)
    {
        if (!SexCodeParser.TryParse(text, out var sex))
        {
            SexCodeParser.ThrowFormatException();
        }

        return sex;
    }

    /// <summary>Reads a sex code or word from <paramref name="text"/>; see <see cref="SexCodes"/> for the table.</summary>
    /// <param name="text">The text to read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a known code or word; the message never contains the text.</exception>
    public static Sex Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Reads a sex code or word from UTF-8 <paramref name="utf8Text"/>; see <see cref="SexCodes"/> for the table.</summary>
    /// <param name="utf8Text">The UTF-8 text to read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a known code or word; the message never contains the text.</exception>
    public static Sex Parse(ReadOnlySpan<byte> utf8Text)
    {
        if (!SexCodeParser.TryParse(utf8Text, out var sex))
        {
            SexCodeParser.ThrowFormatException();
        }

        return sex;
    }

    /// <summary>
    /// Whether <paramref name="sex"/> is <see cref="Sex.Male"/> or <see cref="Sex.Female"/>: the only values the
    /// matcher compares. <see cref="Sex.Unknown"/>, <see cref="Sex.Indeterminate"/>, <see cref="Sex.Other"/> and
    /// undefined values count as missing, so they neither add nor subtract evidence. The Personal Demographics
    /// Service advises against relying on sex (gender) for matching: it is optional in PDS searches, can change, and
    /// is often defaulted, so a disagreement is weak evidence even between two known values.
    /// </summary>
    /// <param name="sex">The value to test.</param>
    /// <returns><see langword="true"/> for <see cref="Sex.Male"/> and <see cref="Sex.Female"/>.</returns>
    public static bool IsMaleOrFemale(this Sex sex) => sex is Sex.Male or Sex.Female;

    /// <summary>
    /// The NHS Data Dictionary PERSON STATED GENDER CODE: <c>'1'</c> male, <c>'2'</c> female, <c>'9'</c> indeterminate,
    /// <c>'X'</c> not known. <see cref="Sex.Other"/> has no code of its own and is written as <c>'9'</c>
    /// (not classifiable as male or female), so it reads back as <see cref="Sex.Indeterminate"/>.
    /// </summary>
    /// <param name="sex">The value to write.</param>
    /// <returns>The one-character code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sex"/> is not a defined value.</exception>
    public static char ToDataDictionaryCode(this Sex sex) => sex switch
    {
        Sex.Male => '1',
        Sex.Female => '2',
        Sex.Indeterminate or Sex.Other => '9',
        Sex.Unknown => 'X',
        _ => SexCodeParser.ThrowUndefined<char>(nameof(sex)),
    };

    /// <summary>
    /// The FHIR AdministrativeGender code: <c>male</c>, <c>female</c>, <c>other</c>, <c>unknown</c>.
    /// <see cref="Sex.Indeterminate"/> is written as <c>other</c> (FHIR maps <c>other</c> to HL7 v2 <c>A</c>,
    /// ambiguous), so it reads back as <see cref="Sex.Other"/>.
    /// </summary>
    /// <param name="sex">The value to write.</param>
    /// <returns>A cached string; nothing is allocated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sex"/> is not a defined value.</exception>
    public static string ToFhirCode(this Sex sex) => sex switch
    {
        Sex.Male => "male",
        Sex.Female => "female",
        Sex.Indeterminate or Sex.Other => "other",
        Sex.Unknown => "unknown",
        _ => SexCodeParser.ThrowUndefined<string>(nameof(sex)),
    };

    /// <summary>
    /// The HL7 v2 table 0001 code: <c>'M'</c>, <c>'F'</c>, <c>'A'</c> (ambiguous, for <see cref="Sex.Indeterminate"/>),
    /// <c>'O'</c> (other), <c>'U'</c> (unknown). Every value reads back unchanged.
    /// </summary>
    /// <param name="sex">The value to write.</param>
    /// <returns>The one-character code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sex"/> is not a defined value.</exception>
    public static char ToHl7Code(this Sex sex) => sex switch
    {
        Sex.Male => 'M',
        Sex.Female => 'F',
        Sex.Indeterminate => 'A',
        Sex.Other => 'O',
        Sex.Unknown => 'U',
        _ => SexCodeParser.ThrowUndefined<char>(nameof(sex)),
    };
}
