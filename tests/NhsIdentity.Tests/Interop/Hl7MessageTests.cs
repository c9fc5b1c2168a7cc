using NhsIdentity.Interop;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Interop;

/// <summary>HL7 v2 messages read into patient records: field choices, delimiters, escapes and failure reasons.</summary>
public sealed class Hl7MessageTests
{
    private static PatientRecord Read(string message)
    {
        Assert.True(Hl7Message.TryReadPatient(message, out var record, out var error), error.ToString());
        Assert.Equal(Hl7ReadError.None, error);
        return record;
    }

    [Fact]
    public void Cerner_A01_takes_the_marked_nhs_number_the_MR_identifier_the_legal_name_and_the_home_address()
    {
        var record = Read(Hl7Samples.CernerA01);

        Assert.Equal("9990000018", record.NhsNumber);
        Assert.Equal("RXH4471025", record.LocalIdentifier);
        Assert.Equal("RXH4471025", record.Id);
        Assert.Equal("O'BRIEN", record.FamilyName);
        Assert.Equal("Siobhan Mary Claire", record.GivenNames);
        Assert.Equal("1978-03-12", record.DateOfBirth);
        Assert.Equal("F", record.Sex);
        Assert.Equal("M5 4WT", record.Postcode);
        Assert.Equal("12 Riverside Court, Flat 3, Salford, Greater Manchester", record.Address);
        Assert.Equal("07700 900123", record.Phone);
        Assert.Equal("siobhan.obrien@example.org", record.Email);
        Assert.Equal("Y02345", record.GpPracticeCode);
    }

    [Fact]
    public void Escape_sequences_are_decoded_in_names_addresses_and_phones()
    {
        var record = Read(Hl7Samples.EscapedA04);

        Assert.Equal("999 000 0026", record.NhsNumber);
        Assert.Equal("T0098765", record.LocalIdentifier);
        Assert.Equal("Renée-Smith", record.FamilyName);   // \H\ \N\ dropped, \XE9\ read as ISO 8859-1
        Assert.Equal("Zoë Anne~Marie", record.GivenNames); // \XC3AB\ read as UTF-8, \R\ is the repetition character
        Assert.Equal("1961-07-04", record.DateOfBirth);
        Assert.Equal("Unit 4|5, Smith & Sons Yard, Lancaster", record.Address);
        Assert.Equal("LA1 1AA", record.Postcode);
        Assert.Equal("01524 ^ 496000", record.Phone);
    }

    [Fact]
    public void Delimiters_come_from_MSH_1_and_MSH_2()
    {
        var record = Read(Hl7Samples.OddDelimitersA08);

        Assert.Equal("9990000034", record.NhsNumber); // marked by the OID in CX.4's universal ID subcomponent
        Assert.Equal("G778899", record.LocalIdentifier);
        Assert.Equal("PATEL", record.FamilyName);
        Assert.Equal("Anil Kumar", record.GivenNames);
        Assert.Equal("1952-02-29", record.DateOfBirth);
        Assert.Equal("M", record.Sex);
        Assert.Equal("Flat 1, The $ Mews, Bolton", record.Address);
        Assert.Equal("BL1 1AA", record.Postcode);
        Assert.Equal("07700 900456", record.Phone);
    }

    [Fact]
    public void Older_messages_give_the_nhs_number_in_PID_2_and_partial_dates_stay_partial()
    {
        var record = Read(Hl7Samples.OlderA28);

        Assert.Equal("9990000042", record.NhsNumber);
        Assert.Equal("W112233", record.LocalIdentifier);
        Assert.Equal("1985-11", record.DateOfBirth);
        Assert.Equal("U", record.Sex);
        Assert.Null(record.Postcode);
        Assert.Null(record.Address);
        Assert.Null(record.Phone);
        Assert.Null(record.Email);
        Assert.Null(record.GpPracticeCode); // no PD1 segment
    }

    [Fact]
    public void A_lone_PID_segment_is_read_with_the_default_delimiters()
    {
        var record = Read(Hl7Samples.LonePid);

        Assert.Equal("9990000050", record.NhsNumber);
        Assert.Null(record.LocalIdentifier);
        Assert.Null(record.Id); // no local identifier and no MSH-10
        Assert.Equal("Nakamura", record.FamilyName);
        Assert.Equal("LS1 4AP", record.Postcode);
        Assert.Null(record.Address);
    }

    [Fact]
    public void Records_prepare_in_a_record_set_with_every_field_usable()
    {
        var set = new RecordSet([Read(Hl7Samples.CernerA01), Read(Hl7Samples.EscapedA04), Read(Hl7Samples.OddDelimitersA08), Read(Hl7Samples.OlderA28)], RecordSetOptions.Default);

        foreach (var kind in new[] { ComparisonKind.NhsNumber, ComparisonKind.DateOfBirth })
        {
            var counts = set.GetCounts(kind);
            Assert.Equal(0, counts.Invalid);
        }

        Assert.Equal(0, set.GetCounts(ComparisonKind.Postcode).Invalid);
        Assert.Equal(19780312, set.DateOfBirthValue(0));
    }

    [Theory]
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|CTRL-1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN", "L1")] // local identifier
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|CTRL-2|P|2.5.1\rPID|1||9990000018^^^NHS^NH||SMITH^JOHN", "CTRL-2")] // only an NHS number: MSH-10
    public void Id_is_the_local_identifier_else_the_message_control_id(string message, string expected) =>
        Assert.Equal(expected, Read(message).Id);

    [Theory]
    [InlineData("X1^^^LAB^AN~H2^^^RXH^MR~P3^^^RXH^PI", "H2")] // MR preferred over an earlier account number
    [InlineData("X1^^^LAB^AN~P3^^^RXH^PI", "P3")]
    [InlineData("X1^^^LAB^AN~Y2^^^LAB^AN", "X1")]             // no MR/PI: the first non-NHS identifier
    [InlineData("9990000018^^^NHS^NH~X1^^^LAB", "X1")]
    [InlineData("^^^RXH^MR~X1", "X1")]                         // an empty identifier is skipped
    public void Local_identifier_prefers_MR_or_PI(string pid3, string expected) =>
        Assert.Equal(expected, Read("PID|||" + pid3 + "||SMITH^JOHN").LocalIdentifier);

    [Theory]
    [InlineData("9990000018^^^NHS")]                                        // CX.4 namespace
    [InlineData("9990000018^^^nhs")]                                        // any case
    [InlineData("9990000018^^^^NH")]                                        // CX.5 type code
    [InlineData("9990000018^^^&2.16.840.1.113883.2.1.4.1&ISO")]             // CX.4 universal ID (the NHS number OID)
    [InlineData("9990000018^^^^^NHS")]                                      // CX.6 assigning facility
    [InlineData("L1^^^RXH^MR~9990000018^^^NHS&2.16.840.1.113883.2.1.4.1&ISO^NH")]
    public void The_nhs_number_is_found_by_any_documented_marking(string pid3) =>
        Assert.Equal("9990000018", Read("PID|||" + pid3 + "||SMITH^JOHN").NhsNumber);

    [Theory]
    [InlineData("9990000018^^^RXH^MR")]          // an unmarked valid number is a local identifier, not guessed
    [InlineData("9990000018^^^NHSFT^MR")]
    public void Unmarked_identifiers_are_not_taken_as_nhs_numbers(string pid3)
    {
        var record = Read("PID|||" + pid3 + "||SMITH^JOHN");
        Assert.Null(record.NhsNumber);
        Assert.Equal("9990000018", record.LocalIdentifier);
    }

    [Theory]
    [InlineData("SMITH^JOHN^^^^^A~JONES^JOHN^PAUL^^^^L", "JONES", "JOHN PAUL")]  // legal name wins over an earlier alias
    [InlineData("~SMITH^JOHN", "SMITH", "JOHN")]                                // empty first repetition skipped
    [InlineData("^^^^^^L~SMITH^JOHN", "SMITH", "JOHN")]                         // an empty legal name is no name
    [InlineData("VAN DER BERG&VAN DER&BERG^Pieter", "VAN DER BERG", "Pieter")]  // FN: surname subcomponent
    [InlineData("\"\"^TOM", null, "TOM")]                                       // HL7 null family name
    [InlineData("  SMITH  ^  JOHN  ^  ", "SMITH", "JOHN")]                      // padding trimmed
    public void Names_choose_the_legal_repetition_and_join_given_and_further_given_names(string pid5, string? family, string? given)
    {
        var record = Read("PID|||L1^^^^MR||" + pid5);
        Assert.Equal(family, record.FamilyName);
        Assert.Equal(given, record.GivenNames);
    }

    [Theory]
    [InlineData("19780312", "1978-03-12")]
    [InlineData("197803120830", "1978-03-12")]
    [InlineData("19780312083015.1234+0100", "1978-03-12")]
    [InlineData("19780312+0000", "1978-03-12")]
    [InlineData("19780312^D", "1978-03-12")]   // TS.2 degree of precision ignored
    [InlineData("197803", "1978-03")]
    [InlineData("1978", "1978")]
    [InlineData("19781", "19781")]             // not a DTM shape: passed on for preparation to count as invalid
    [InlineData("12/03/1978", "12/03/1978")]
    [InlineData("\"\"", null)]
    public void Date_of_birth_keeps_the_date_part_in_ISO_form(string pid7, string? expected) =>
        Assert.Equal(expected, Read("PID|||L1^^^^MR||SMITH^JOHN||" + pid7).DateOfBirth);

    [Theory]
    [InlineData("&High Street&12^^Leeds^^LS1 4AP", "12 High Street, Leeds", "LS1 4AP")]   // SAD street name and dwelling number
    [InlineData("1 Mill Lane^^York^^YO1 7HH^GBR^B~2 Kiln Row^^York^^YO1 9AA^GBR^H", "2 Kiln Row, York", "YO1 9AA")]
    [InlineData("1 Mill Lane^^York^^YO1 7HH^GBR^B~2 Kiln Row^^York^^YO1 9AA^GBR^M", "1 Mill Lane, York", "YO1 7HH")]
    [InlineData("~^^^^^GBR^H~3 Dock St^^Hull", "3 Dock St, Hull", null)]
    public void Address_prefers_home_and_takes_the_postcode_from_XAD_5(string pid11, string? address, string? postcode)
    {
        var record = Read("PID|||L1^^^^MR||SMITH^JOHN||||||" + pid11);
        Assert.Equal(address, record.Address);
        Assert.Equal(postcode, record.Postcode);
    }

    [Theory]
    [InlineData("^PRN^PH^^44^161^4960000", "+44 161 4960000", null)]
    [InlineData("^PRN^PH^^^^^^^^^01614960000", "01614960000", null)]
    [InlineData("jo@example.org^NET^Internet~07700 900999^PRN^CP", "07700 900999", "jo@example.org")]
    [InlineData("^NET^X.400^jo@example.org", null, "jo@example.org")]
    [InlineData("07700 900111~07700 900222", "07700 900111", null)]
    public void Telecom_gives_the_first_phone_and_email(string pid13, string? phone, string? email)
    {
        var record = Read("PID|||L1^^^^MR||SMITH^JOHN||||||||" + pid13);
        Assert.Equal(phone, record.Phone);
        Assert.Equal(email, record.Email);
    }

    [Theory]
    [InlineData("Riverside Surgery^^^^^^^^^Y02345", "Y02345")]                    // XON.10, as NHS England's ITK profiles send it
    [InlineData("Riverside Surgery^^A81001", "A81001")]                           // XON.3 only (deprecated, older senders)
    [InlineData("Riverside Surgery^^A81001^^^^^^^Y02345", "Y02345")]              // XON.10 wins over XON.3
    [InlineData("Riverside Surgery^^A81001^^^^^^^\"\"", "A81001")]                // XON.10 the HL7 null: XON.3
    [InlineData("Riverside Surgery^^A81001^^^^^^^   ", "A81001")]                 // XON.10 blank: XON.3
    [InlineData("^^^^^^^^^  y02345 ", "Y02345")]                                  // trimmed and upper-cased
    [InlineData("Smith \\T\\ Jones\\S\\Partners^^^^^^^^^\\X59\\02345", "Y02345")] // escaped delimiters in XON.1 do not shift XON.10; \X59\ is Y
    [InlineData("First Surgery^^^^^^^^^Y02345~Second Surgery^^^^^^^^^Y06789", "Y02345")] // first repetition only
    [InlineData("~Second Surgery^^^^^^^^^Y06789", null)]                          // an empty first repetition is not skipped
    [InlineData("Riverside Surgery", null)]                                       // a name but no code
    [InlineData("", null)]                                                        // PD1-3 empty
    public void GP_practice_is_the_ODS_code_in_PD1_3(string pd13, string? expected)
    {
        var message = "MSH|^~\\&|A|B|C|D|20261124||ADT^A04|CTRL|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rPD1|||" + pd13;
        Assert.Equal(expected, Read(message).GpPracticeCode);
    }

    [Theory]
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN", null)]                            // no PD1
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rPD1", null)]                       // PD1 with no fields
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rPD1|1|2", null)]                   // PD1 ends before PD1-3
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rPD1X|||^^^^^^^^^Y02345", null)]    // not a PD1 segment
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rPV1|1|I\rPD1|||^^^^^^^^^Y02345", "Y02345")] // not directly after the PID
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A40|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rMRG|L0\rPID|1||L2^^^X^MR||SMITH^JANE\rPD1|||^^^^^^^^^Y02345", null)] // another patient's PD1
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||L1^^^X^MR||SMITH^JOHN\rMSH|^~\\&|A|B|C|D|20261124||ADT^A01|C2|P|2.5.1\rPD1|||^^^^^^^^^Y02345", null)] // the next message's PD1
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPD1|||^^^^^^^^^Y02345\rPID|1||L1^^^X^MR||SMITH^JOHN", null)]     // a PD1 before the PID is not read
    [InlineData("PID|||9990000050^^^^^NHS||Nakamura^Kenji\nPD1|||^^^^^^^^^Y02345", "Y02345")]                                      // lone segments, default delimiters
    [InlineData("MSH!$*#%!GPSYS!Y12345!EPR!RXH!20261124111111!!ADT$A08!C1!P!2.4\rPID!1!!G778899$$$Y12345$PI\rPD1!!!Moor Lane$$$$$$$$$P81002*Other$$$$$$$$$P81003", "P81002")] // MSH delimiters
    public void GP_practice_comes_only_from_the_PD1_of_the_patient_read(string message, string? expected) =>
        Assert.Equal(expected, Read(message).GpPracticeCode);

    [Fact]
    public void MLLP_framing_and_a_following_message_are_ignored()
    {
        var framed = "\u000B" + Hl7Samples.CernerA01 + "\u001C\r" + "\u000B" + Hl7Samples.OlderA28 + "\u001C\r";
        Assert.Equal("9990000018", Read(framed).NhsNumber);
    }

    [Theory]
    [InlineData("", Hl7ReadError.Empty)]
    [InlineData("  \r\n\r ", Hl7ReadError.Empty)]
    [InlineData("\u000B\u001C\r", Hl7ReadError.Empty)]
    [InlineData("MSH", Hl7ReadError.BadMshSegment)]
    [InlineData("MSH|", Hl7ReadError.BadMshSegment)]
    [InlineData("MSHA^~\\&|X\rPID|||L1", Hl7ReadError.BadMshSegment)]      // a letter as field separator
    [InlineData("MSH|^^\\&|X\rPID|||L1", Hl7ReadError.BadMshSegment)]      // the same character twice
    [InlineData("MSH|^~\\|&|X\rPID|||L1", Hl7ReadError.None)]              // MSH-2 ends at the field separator: three encoding characters
    [InlineData("MSH| ~\\&|X\rPID|||L1", Hl7ReadError.BadMshSegment)]      // white space
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rEVN|A01|20261124\rPV1|1|I", Hl7ReadError.NoPidSegment)]
    [InlineData("hello, world", Hl7ReadError.NoPidSegment)]
    [InlineData("PIDX|||L1", Hl7ReadError.NoPidSegment)]
    [InlineData("PID|1||||||||F|||12 High St^^Leeds^^LS1 4AP", Hl7ReadError.NoPatientData)]
    [InlineData("PID|1||\"\"||\"\"||\"\"", Hl7ReadError.NoPatientData)]
    [InlineData("PID|1||||||||F\rPD1|||Riverside Surgery^^^^^^^^^Y02345", Hl7ReadError.NoPatientData)] // a GP practice is not a patient
    [InlineData("MSH|^~\\&|A|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPD1|||^^^^^^^^^Y02345", Hl7ReadError.NoPidSegment)]
    public void Failures_give_the_structural_reason(string message, Hl7ReadError expected)
    {
        var ok = Hl7Message.TryReadPatient(message, out var record, out var error);
        Assert.Equal(expected, error);
        Assert.Equal(expected == Hl7ReadError.None, ok);
        Assert.Equal(ok, record is not null);
        Assert.False(Hl7Message.TryReadPatient((string?)null, out _, out var nullError));
        Assert.Equal(Hl7ReadError.Empty, nullError);
    }

    [Fact]
    public void ReadPatient_throws_a_format_exception_that_names_the_reason_not_the_content()
    {
        const string message = "MSH|^~\\&|SECRETAPP|B|C|D|20261124||ADT^A01|C1|P|2.5.1\rPID|1||||||||F|||Sentinel Street^^Leeds";
        var exception = Assert.Throws<FormatException>(() => Hl7Message.ReadPatient(message));
        Assert.Contains("NoPatientData", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinel", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETAPP", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Hl7Message.ReadPatient(null!));
        Assert.Equal("9990000018", Hl7Message.ReadPatient(Hl7Samples.CernerA01).NhsNumber);
    }

    [Fact]
    public void Record_ToString_shows_only_the_id()
    {
        var text = Read(Hl7Samples.CernerA01).ToString();
        Assert.Equal("PatientRecord(RXH4471025)", text);
    }

    [Theory]
    [InlineData(Hl7ReadError.None)]
    [InlineData(Hl7ReadError.Empty)]
    [InlineData(Hl7ReadError.BadMshSegment)]
    [InlineData(Hl7ReadError.NoPidSegment)]
    [InlineData(Hl7ReadError.NoPatientData)]
    public void Every_error_has_its_own_description(Hl7ReadError error)
    {
        var description = error.GetDescription();
        Assert.NotEqual("unknown error", description);
        Assert.Single(Enum.GetValues<Hl7ReadError>(), other => other.GetDescription() == description);
    }
}
