using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Ingestion;
using NhsIdentity.Interop;

namespace NhsIdentity.Tests.Interop;

/// <summary>
/// Reading patient attributes from DICOM files (PS3.10 file format, PS3.5 encodings) written by
/// <see cref="DicomTestFile"/>: every transfer syntax encoding the reader knows, sequences of both length forms before,
/// inside and after the patient group, character sets, and broken files. Invented people, 999-range NHS numbers.
/// </summary>
public sealed class DicomFileTests
{
    private const string NhsNumberOid = "2.16.840.1.113883.2.1.4.1";

    public static TheoryData<string, bool> Syntaxes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var syntax in new[] { DicomTestFile.Implicit, DicomTestFile.Explicit, DicomTestFile.BigEndian, DicomTestFile.Deflated, DicomTestFile.Jpeg })
        {
            data.Add(syntax, false);
            data.Add(syntax, true);
        }

        return data;
    }

    /// <summary>A study as a PACS sends it: a referenced-study sequence (with a nested sequence) in group 0008, the
    /// patient module with both identifier sequences, then study attributes and pixel data that must not be read.</summary>
    private static DicomTestFile Study(bool undefinedLengths, Encoding? encoding = null, string? characterSet = null, string name = "MCALLISTER^FIONA^JANE")
    {
        DicomTestFile New() => new() { UndefinedLengths = undefinedLengths, TextEncoding = encoding ?? Encoding.Latin1 };
        return New()
            .Text(0x0008_0005, "CS", characterSet)
            .Text(0x0008_0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Text(0x0008_0018, "UI", "1.2.826.0.1.3680043.9.9999.77")
            .Text(0x0008_0050, "SH", "ACC-2026-0042")
            .Sequence(0x0008_1110,
                New().Text(0x0008_1150, "UI", "1.2.840.10008.3.1.2.3.1").Sequence(0x0008_1199, New().Text(0x0008_1155, "UI", "1.2.3.4")),
                New().Text(0x0008_1150, "UI", "1.2.840.10008.3.1.2.3.2"))
            .Text(0x0010_0010, "PN", name)
            .Text(0x0010_0020, "LO", "9990000018")
            .Text(0x0010_0021, "LO", "NHS")
            .Sequence(0x0010_0024, New().Text(0x0040_0032, "UT", NhsNumberOid).Text(0x0040_0033, "CS", "ISO"))
            .Text(0x0010_0030, "DA", "19700101")
            .Text(0x0010_0040, "CS", "F")
            .Sequence(0x0010_1002, New().Text(0x0010_0020, "LO", "RXH4471026"), New().Text(0x0010_0020, "LO", "E55502"))
            .Text(0x0010_1040, "LO", "14 Larch Grove, Manchester, M20 2RN")
            .Text(0x0010_2154, "SH", "07700 900321")
            .Text(0x0020_000D, "UI", "1.2.826.0.1.3680043.9.9999.5")
            .Binary(0x7FE0_0010, "OW", new byte[4096]);
    }

    private static DicomPatientAttributes Read(byte[] bytes) => DicomFile.ReadPatient(new MemoryStream(bytes));

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Every_patient_attribute_is_read_in_every_encoding(string syntax, bool undefinedLengths)
    {
        var attributes = Read(Study(undefinedLengths).ToPart10(syntax));

        Assert.Equal("MCALLISTER^FIONA^JANE", attributes.PatientName);
        Assert.Equal("9990000018", attributes.PatientId);
        Assert.Equal("NHS", attributes.IssuerOfPatientId);
        Assert.Equal(NhsNumberOid, attributes.IssuerOfPatientIdUniversalEntityId);
        Assert.Equal("RXH4471026\\E55502", attributes.OtherPatientIds);
        Assert.Equal("19700101", attributes.PatientBirthDate);
        Assert.Equal("F", attributes.PatientSex);
        Assert.Equal("14 Larch Grove, Manchester, M20 2RN", attributes.PatientAddress);
        Assert.Equal("07700 900321", attributes.PatientTelephoneNumbers);
        Assert.Equal("ACC-2026-0042", attributes.RecordId);

        var record = attributes.ToPatientRecord();
        Assert.Equal("999 000 0018", NhsIdentity.NhsNumber.Parse(record.NhsNumber!).ToString());
        Assert.Equal(("FIONA JANE", "MCALLISTER", "1970-01-01", "M20 2RN"), (record.GivenNames, record.FamilyName, record.DateOfBirth, record.Postcode));
    }

    [Theory]
    [InlineData(DicomTestFile.Implicit)]
    [InlineData(DicomTestFile.Explicit)]
    public void A_bare_data_set_without_preamble_is_read(string syntax)
    {
        var attributes = Read(Study(undefinedLengths: true).DataSet(syntax));
        Assert.Equal("MCALLISTER^FIONA^JANE", attributes.PatientName);
        Assert.Equal(NhsNumberOid, attributes.IssuerOfPatientIdUniversalEntityId);
    }

    [Fact]
    public void Without_an_accession_number_the_record_id_is_the_sop_instance_uid()
    {
        var file = new DicomTestFile().Text(0x0008_0018, "UI", "1.2.826.0.1.3680043.9.9999.78").Text(0x0010_0010, "PN", "DOE^JO");
        Assert.Equal("1.2.826.0.1.3680043.9.9999.78", Read(file.ToPart10(DicomTestFile.Explicit)).RecordId);
    }

    [Theory]
    [InlineData("ISO_IR 100", "latin1")]
    [InlineData("ISO_IR 192", "utf-8")]
    [InlineData(null, "latin1")]
    public void Names_are_decoded_with_the_specific_character_set(string? characterSet, string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = Study(false, encoding, characterSet, "O'BRIEN-MÜLLER^ZOË").ToPart10(DicomTestFile.Explicit);
        Assert.Equal("O'BRIEN-MÜLLER^ZOË", Read(bytes).PatientName);
    }

    [Theory]
    [InlineData("ISO_IR 144")]
    [InlineData("ISO 2022 IR 6\\ISO 2022 IR 87")]
    [InlineData("GB18030")]
    public void Another_character_set_is_refused_rather_than_misread(string characterSet)
    {
        var bytes = Study(false, characterSet: characterSet).ToPart10(DicomTestFile.Explicit);
        Assert.False(DicomFile.TryReadPatient(new MemoryStream(bytes), out var attributes, out var error));
        Assert.Null(attributes);
        Assert.Equal(DicomReadError.UnsupportedCharacterSet, error);
    }

    [Fact]
    public void A_header_larger_than_the_first_read_is_read_by_growing()
    {
        // A 300 KB private element before the patient group: more than the reader's first 64 KB.
        var file = Study(false).Binary(0x0009_1001, "OB", new byte[300_000]);
        Assert.Equal("9990000018", Read(file.ToPart10(DicomTestFile.Explicit)).PatientId);
        Assert.Equal("9990000018", Read(file.ToPart10(DicomTestFile.Deflated)).PatientId);
    }

    [Fact]
    public void Text_that_is_not_dicom_is_refused()
    {
        var bytes = Encoding.ASCII.GetBytes("id,nhs_number,given_name\n1,9990000018,Fiona\n");
        Assert.False(DicomFile.TryReadPatient(new MemoryStream(bytes), out _, out var error));
        Assert.Equal(DicomReadError.NotDicom, error);
        Assert.False(DicomFile.TryReadPatient(new MemoryStream([]), out _, out error));
        Assert.Equal(DicomReadError.NotDicom, error);
    }

    [Fact]
    public void A_private_transfer_syntax_is_refused()
    {
        var bytes = Study(false).ToPart10("1.3.6.1.4.1.99999.1");
        var exception = Assert.Throws<DicomReadException>(() => Read(bytes));
        Assert.Equal(DicomReadError.UnsupportedTransferSyntax, exception.Error);
    }

    [Theory]
    [InlineData(DicomTestFile.Explicit, false)]
    [InlineData(DicomTestFile.Implicit, true)]
    [InlineData(DicomTestFile.Deflated, true)]
    public void A_file_cut_anywhere_reads_whole_or_is_refused_as_truncated_never_half(string syntax, bool undefinedLengths)
    {
        var whole = Study(undefinedLengths).ToPart10(syntax);
        var expected = Read(whole);
        for (var length = 0; length < whole.Length; length += syntax == DicomTestFile.Deflated ? 1 : 3)
        {
            if (DicomFile.TryReadPatient(new MemoryStream(whole[..length]), out var attributes, out var error))
            {
                // A cut between two elements looks like a file that ends there (a file need not hold every attribute),
                // so it reads; but an attribute is either whole or absent, never a cut value.
                foreach (var (got, want) in Values(attributes).Zip(Values(expected)))
                {
                    Assert.True(got is null || got == want);
                }
            }
            else
            {
                Assert.Contains(error, (DicomReadError[])[DicomReadError.Truncated, DicomReadError.NotDicom, DicomReadError.UnsupportedTransferSyntax]);
            }
        }
    }

    private static string?[] Values(DicomPatientAttributes a) =>
    [
        a.PatientName, a.PatientId, a.IssuerOfPatientId, a.IssuerOfPatientIdUniversalEntityId, a.OtherPatientIds, a.PatientBirthDate,
        a.PatientSex, a.PatientAddress, a.PatientTelephoneNumbers,
    ];

    private static readonly byte[] Whole = Study(true).ToPart10(DicomTestFile.Explicit);

    [Property(MaxTest = 500)]
    public Property Damaged_bytes_never_escape_as_anything_but_a_read_error() =>
        Prop.ForAll(Gen.Choose(132, Whole.Length - 1).Two().ToArbitrary(), Gen.Choose(0, 255).ToArbitrary(), (positions, value) =>
        {
            var whole = Whole;
            var damaged = (byte[])whole.Clone();
            damaged[positions.Item1] = (byte)value;
            damaged[positions.Item2] ^= 0xFF;
            var read = DicomFile.TryReadPatient(new MemoryStream(damaged), out var attributes, out var error);
            return read == (attributes is not null) && read == (error == DicomReadError.None);
        });

    private static readonly Gen<string> Text = Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ '-^".ToCharArray()).ArrayOf().Select(c => new string(c).Trim());

    [Property(MaxTest = 200)]
    public Property Random_attribute_values_survive_every_encoding() =>
        Prop.ForAll(Text.ToArbitrary(), Text.ToArbitrary(), Gen.Elements(DicomTestFile.Implicit, DicomTestFile.Explicit, DicomTestFile.BigEndian, DicomTestFile.Deflated).ToArbitrary(),
            (name, address, syntax) =>
            {
                var file = new DicomTestFile { UndefinedLengths = name.Length % 2 == 0 }
                    .Sequence(0x0008_1110, new DicomTestFile().Text(0x0008_1150, "UI", "1.2.3"))
                    .Text(0x0010_0010, "PN", name).Text(0x0010_1040, "LO", address);
                var attributes = Read(file.ToPart10(syntax));
                return attributes.PatientName == (name.Length == 0 ? null : name) && attributes.PatientAddress == (address.Length == 0 ? null : address);
            });

    [Fact]
    public void Errors_name_the_reason_never_a_value()
    {
        var whole = Study(false, name: "ZEBEDEE^QUENTIN").ToPart10(DicomTestFile.Explicit);
        var nameAt = Encoding.ASCII.GetString(whole).IndexOf("ZEBEDEE", StringComparison.Ordinal);
        var exception = Assert.Throws<DicomReadException>(() => Read(whole[..(nameAt + 4)]));
        Assert.Equal(DicomReadError.Truncated, exception.Error);
        Assert.DoesNotContain("ZEBEDEE", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("9990000018", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_files_reads_into_records_and_reconciled_rejections()
    {
        var folder = Directory.CreateTempSubdirectory("nhsid-dicom-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "a.dcm"), Study(false).ToPart10(DicomTestFile.Explicit));
            File.WriteAllBytes(Path.Combine(folder.FullName, "b.dcm"), Study(true).ToPart10(DicomTestFile.Implicit)); // same accession number
            File.WriteAllText(Path.Combine(folder.FullName, "c.txt"), "not an image");
            var other = new DicomTestFile().Text(0x0008_0050, "SH", "ACC-2026-0043").Text(0x0010_0010, "PN", "DOE^JO").Text(0x0010_0020, "LO", "RXH1");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "sub"));
            File.WriteAllBytes(Path.Combine(folder.FullName, "sub", "d"), other.ToPart10(DicomTestFile.BigEndian));

            var result = DicomFileReader.ReadFolder(folder.FullName);

            Assert.True(result.Reconciles);
            Assert.Equal((4L, 2L, 2L), (result.ItemsRead, result.Accepted, result.Rejected));
            Assert.Equal(["ACC-2026-0042", "ACC-2026-0043"], result.Records.Select(r => r.Id));
            Assert.Equal(1, result.CountRejected(RejectionReason.DuplicateId));
            Assert.Equal(1, result.CountRejected(RejectionReason.UnreadableFile));
            Assert.Equal("file 3 (line 1): unreadable file: " + DicomReadException.DescribeError(DicomReadError.NotDicom),
                result.Rejections.Single(r => r.Reason == RejectionReason.UnreadableFile).ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
