using System.Text;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.SexTests;

/// <summary>Every code of every code system <see cref="SexCodes"/> reads, with its source.</summary>
public sealed class SexCodeTests
{
    private const string StatedGender = "NHS Data Dictionary, PERSON STATED GENDER CODE (datadictionary.nhs.uk/data_elements/person_stated_gender_code.html)";
    private const string GenderCode = "NHS Data Dictionary, PERSON GENDER CODE (older; 0 not known, 1, 2, 9 not specified = indeterminate)";
    private const string Fhir = "HL7 FHIR AdministrativeGender (hl7.org/fhir/R4/valueset-administrative-gender.html)";
    private const string Hl7V2 = "HL7 v2 table 0001 Administrative Sex (terminology.hl7.org/CodeSystem/v2-0001)";
    private const string Dicom = "DICOM PS3.3 C.7.1.1 Patient's Sex (0010,0040)";
    private const string Words = "common English words in supplier extracts";
    private const string Hl7V3 = "HL7 v3 NullFlavor UNK";

    public static TheoryData<string, Sex, string> Codes => new()
    {
        { "1", Sex.Male, StatedGender },
        { "2", Sex.Female, StatedGender },
        { "9", Sex.Indeterminate, StatedGender },
        { "X", Sex.Unknown, StatedGender },
        { "0", Sex.Unknown, GenderCode },
        { "1", Sex.Male, GenderCode },
        { "2", Sex.Female, GenderCode },
        { "9", Sex.Indeterminate, GenderCode },
        { "not specified", Sex.Indeterminate, GenderCode },
        { "Not Known", Sex.Unknown, GenderCode },
        { "male", Sex.Male, Fhir },
        { "female", Sex.Female, Fhir },
        { "other", Sex.Other, Fhir },
        { "unknown", Sex.Unknown, Fhir },
        { "M", Sex.Male, Hl7V2 },
        { "F", Sex.Female, Hl7V2 },
        { "O", Sex.Other, Hl7V2 },
        { "U", Sex.Unknown, Hl7V2 },
        { "A", Sex.Indeterminate, Hl7V2 },
        { "N", Sex.Unknown, Hl7V2 },
        { "Ambiguous", Sex.Indeterminate, Hl7V2 },
        { "Not applicable", Sex.Unknown, Hl7V2 },
        { "M", Sex.Male, Dicom },
        { "F", Sex.Female, Dicom },
        { "O", Sex.Other, Dicom },
        { "UNK", Sex.Unknown, Hl7V3 },
        { "I", Sex.Indeterminate, Words },
        { "Man", Sex.Male, Words },
        { "Boy", Sex.Male, Words },
        { "Woman", Sex.Female, Words },
        { "Girl", Sex.Female, Words },
        { "Indeterminate", Sex.Indeterminate, Words },
        { "not stated", Sex.Unknown, Words },
        { "not recorded", Sex.Unknown, Words },
        { "notknown", Sex.Unknown, Words },
        { "not-known", Sex.Unknown, Words },
        { "NOT_KNOWN", Sex.Unknown, Words },
        { "not   known", Sex.Unknown, Words },
        { " m ", Sex.Male, Words },
        { "\tFemale\r\n", Sex.Female, Words },
        { "\u00A0F\u2003", Sex.Female, Words },
    };

    public static TheoryData<string> NotCodes => new()
    {
        "", " ", "\t", "3", "4", "5", "7", "8", "Z", "B", "mal", "femal", "males", "maleX", "m f", "1 2", "11", "01",
        "not", "known", "-male", "male-", "male -", "_female", "not known-", "not  known x", "unknown unknown", "null", "n/a", "\u0661", "\uFF2D", "\u0011",
        "\u0010", "\u0019", "\u0012", "M\u0301", "mâle", "indeterminate!", "a very long text that is not a code",
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_reads_as_documented(string text, Sex expected, string source)
    {
        Assert.True(SexCodes.TryParse(text.AsSpan(), out var fromSpan), source);
        Assert.Equal(expected, fromSpan);
        Assert.True(SexCodes.TryParse(text, out var fromString));
        Assert.Equal(expected, fromString);
        Assert.True(SexCodes.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(expected, fromUtf8);
        Assert.Equal(expected, SexCodes.Parse(text));
        Assert.Equal(expected, SexCodes.Parse(text.AsSpan()));
        Assert.Equal(expected, SexCodes.Parse(Encoding.UTF8.GetBytes(text)));

        // Case never matters.
        Assert.True(SexCodes.TryParse(text.ToUpperInvariant(), out var upper));
        Assert.Equal(expected, upper);
        Assert.True(SexCodes.TryParse(text.ToLowerInvariant(), out var lower));
        Assert.Equal(expected, lower);
    }

    [Theory]
    [MemberData(nameof(NotCodes))]
    public void Anything_else_fails_without_leaking_the_text(string text)
    {
        Assert.False(SexCodes.TryParse(text, out var sex));
        Assert.Equal(Sex.Unknown, sex);
        Assert.False(SexCodes.TryParse(Encoding.UTF8.GetBytes(text), out _));
        // One fixed message for every input, so nothing of the text can leak into it.
        var ex = Assert.Throws<FormatException>(() => SexCodes.Parse(text));
        Assert.Equal("The text is not a known sex code or word (NHS Data Dictionary, FHIR, HL7 v2, DICOM).", ex.Message);

        Assert.Throws<FormatException>(() => SexCodes.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Null_and_invalid_utf8()
    {
        Assert.False(SexCodes.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>("text", () => SexCodes.Parse((string)null!));
        Assert.False(SexCodes.TryParse(new byte[] { 0xFF }, out _));
        Assert.False(SexCodes.TryParse(new byte[] { 0x4D, 0xFF }, out _));
        Assert.False(SexCodes.TryParse(new byte[] { 0xC2, 0xA0 }, out _));
        Assert.True(SexCodes.TryParse(new byte[] { 0xC2, 0xA0, 0x4D, 0xC2, 0xA0 }, out var trimmed));
        Assert.Equal(Sex.Male, trimmed);
    }

    [Fact]
    public void Enum_values_keep_the_Data_Dictionary_numbers_and_Other_does_not_clash()
    {
        Assert.Equal(0, (int)Sex.Unknown);
        Assert.Equal(1, (int)Sex.Male);
        Assert.Equal(2, (int)Sex.Female);
        Assert.Equal(9, (int)Sex.Indeterminate);
        Assert.Equal(10, (int)Sex.Other);
        Assert.Equal(Sex.Unknown, default(Sex));
    }

    [Theory]
    [InlineData(Sex.Male, true)]
    [InlineData(Sex.Female, true)]
    [InlineData(Sex.Unknown, false)]
    [InlineData(Sex.Indeterminate, false)]
    [InlineData(Sex.Other, false)]
    [InlineData((Sex)5, false)]
    public void Only_male_and_female_are_compared_by_the_matcher(Sex sex, bool expected) =>
        Assert.Equal(expected, sex.IsMaleOrFemale());

    [Theory]
    [InlineData(Sex.Male, '1', "male", 'M')]
    [InlineData(Sex.Female, '2', "female", 'F')]
    [InlineData(Sex.Indeterminate, '9', "other", 'A')]
    [InlineData(Sex.Other, '9', "other", 'O')]
    [InlineData(Sex.Unknown, 'X', "unknown", 'U')]
    public void Codes_are_written_as_documented(Sex sex, char dataDictionary, string fhir, char hl7)
    {
        Assert.Equal(dataDictionary, sex.ToDataDictionaryCode());
        Assert.Equal(fhir, sex.ToFhirCode());
        Assert.Equal(hl7, sex.ToHl7Code());
    }

    [Fact]
    public void Written_codes_read_back()
    {
        foreach (var sex in Enum.GetValues<Sex>())
        {
            // HL7 v2 keeps every value; the Data Dictionary and FHIR merge Other and Indeterminate (documented).
            Assert.Equal(sex, SexCodes.Parse(sex.ToHl7Code().ToString()));
            var viaDataDictionary = SexCodes.Parse(sex.ToDataDictionaryCode().ToString());
            var viaFhir = SexCodes.Parse(sex.ToFhirCode());
            Assert.Equal(sex == Sex.Other ? Sex.Indeterminate : sex, viaDataDictionary);
            Assert.Equal(sex == Sex.Indeterminate ? Sex.Other : sex, viaFhir);
        }
    }

    [Fact]
    public void Undefined_values_throw_when_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>("sex", () => ((Sex)5).ToDataDictionaryCode());
        Assert.Throws<ArgumentOutOfRangeException>("sex", () => ((Sex)5).ToFhirCode());
        Assert.Throws<ArgumentOutOfRangeException>("sex", () => ((Sex)(-1)).ToHl7Code());
    }
}
