using Hl7.Fhir.Model;
using NhsIdentity.Demographics;
using NhsIdentity.Fhir.Tests.TestHelpers;

namespace NhsIdentity.Fhir.Tests.Mapping;

public sealed class PatientToRecordTests
{
    [Fact]
    public void The_full_uk_core_example_maps_every_field()
    {
        var record = FhirPatientMapper.ToPatientRecord(FhirExamples.Patient("patient-full.json"));

        Assert.Equal("pas-100234", record.Id);
        Assert.Equal("9991234004", record.NhsNumber);
        Assert.Equal("RX1234567", record.LocalIdentifier);
        Assert.Equal("Margaret Eleanor", record.GivenNames); // the official name, not the maiden, nickname or old one
        Assert.Equal("Ashworth", record.FamilyName);
        Assert.Equal("1948-11-02", record.DateOfBirth);
        Assert.Equal("female", record.Sex);
        Assert.Equal("HX7 8AE", record.Postcode); // the current home address, not the ended one or the work one
        Assert.Equal("Flat 3, 17 Chapel Street, Hebden Bridge", record.Address);
        Assert.Equal("07700 900215", record.Phone); // rank 1 beats the unranked home phone; the old one is skipped
        Assert.Equal("peggy.ashworth@example.com", record.Email);
        Assert.Equal("Y00001", record.GpPracticeCode);
    }

    [Fact]
    public void The_partial_example_maps_usual_name_partial_date_and_skips_superseded_and_ended_values()
    {
        var record = FhirPatientMapper.ToPatientRecord(FhirExamples.Patient("patient-partial.json"));

        Assert.Equal("gp-55871", record.Id);
        Assert.Null(record.NhsNumber); // the only NHS number identifier has use = old
        Assert.Equal("G-000871", record.LocalIdentifier);
        Assert.Equal("Tomasz Piotr", record.GivenNames); // usual beats unspecified; a text-only name has no parts
        Assert.Equal("Kowalczyk-Brennan", record.FamilyName);
        Assert.Equal("1972-05", record.DateOfBirth);
        Assert.True(DateOfBirth.TryParse(record.DateOfBirth, out var date));
        Assert.Equal(DateOfBirthPrecision.YearMonth, date.Precision);
        Assert.Equal("unknown", record.Sex);
        Assert.Null(record.Postcode); // without a reference date, every address with a period end counts as ended
        Assert.Null(record.Address);
        Assert.Equal("0191 496 0842", record.Phone);
        Assert.Null(record.Email); // the only email is old
        Assert.Null(record.GpPracticeCode); // no generalPractitioner
    }

    [Theory]
    [InlineData("2026-11-25", "SR1 1RE", "Room 12, St Aidan's Hostel, 4 Quayside, Sunderland")] // inside the temporary period
    [InlineData("2026-09-15", "SR6 9NB", "9 Roker Terrace, Sunderland")] // before it starts, the other address is current
    [InlineData("2026-09-30", "SR6 9NB", "9 Roker Terrace, Sunderland")] // an end date is inclusive
    [InlineData("2027-01-01", null, null)] // both ended
    public void A_reference_date_decides_which_addresses_are_current(string reference, string? postcode, string? address)
    {
        var options = FhirPatientMapperOptions.Default with { ReferenceDate = DateOnly.ParseExact(reference, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var record = FhirPatientMapper.ToPatientRecord(FhirExamples.Patient("patient-partial.json"), options);
        Assert.Equal(postcode, record.Postcode);
        Assert.Equal(address, record.Address);
    }

    [Fact]
    public void A_partial_period_end_covers_its_whole_year()
    {
        var patient = new Patient();
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, PostalCode = "LS1 4AP", Period = new Period { End = "2026" } });
        var inYear = FhirPatientMapperOptions.Default with { ReferenceDate = new DateOnly(2026, 12, 31) };
        var after = FhirPatientMapperOptions.Default with { ReferenceDate = new DateOnly(2027, 1, 1) };
        Assert.Equal("LS1 4AP", FhirPatientMapper.ToPatientRecord(patient, inYear).Postcode);
        Assert.Null(FhirPatientMapper.ToPatientRecord(patient, after).Postcode);
    }

    [Theory]
    [InlineData(HumanName.NameUse.Maiden)]
    [InlineData(HumanName.NameUse.Old)]
    [InlineData(HumanName.NameUse.Nickname)]
    [InlineData(HumanName.NameUse.Anonymous)]
    public void Names_that_are_not_current_are_never_read(HumanName.NameUse use)
    {
        var patient = new Patient();
        patient.Name.Add(new HumanName { Use = use, Family = "Pennington", Given = ["Peggy"] });
        var record = FhirPatientMapper.ToPatientRecord(patient);
        Assert.Null(record.GivenNames);
        Assert.Null(record.FamilyName);
    }

    [Fact]
    public void Official_beats_usual_beats_unspecified_beats_temp_whatever_the_order()
    {
        var patient = new Patient();
        patient.Name.Add(new HumanName { Use = HumanName.NameUse.Temp, Family = "Temp" });
        patient.Name.Add(new HumanName { Family = "Unspecified" });
        patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = "Usual" });
        patient.Name.Add(new HumanName { Use = HumanName.NameUse.Official, Family = "Official" });
        Assert.Equal("Official", FhirPatientMapper.ToPatientRecord(patient).FamilyName);

        patient.Name.RemoveAt(3);
        Assert.Equal("Usual", FhirPatientMapper.ToPatientRecord(patient).FamilyName);
        patient.Name.RemoveAt(2);
        Assert.Equal("Unspecified", FhirPatientMapper.ToPatientRecord(patient).FamilyName);
        patient.Name.RemoveAt(1);
        Assert.Equal("Temp", FhirPatientMapper.ToPatientRecord(patient).FamilyName);
    }

    [Fact]
    public void An_official_name_whose_period_ended_gives_way_to_the_usual_one()
    {
        var patient = new Patient();
        patient.Name.Add(new HumanName { Use = HumanName.NameUse.Official, Family = "Before", Period = new Period { End = "2010-05-01" } });
        patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = "After" });
        Assert.Equal("After", FhirPatientMapper.ToPatientRecord(patient).FamilyName);
    }

    [Fact]
    public void Given_name_parts_are_joined_with_single_spaces()
    {
        var patient = new Patient();
        patient.Name.Add(new HumanName { Given = ["  Mary ", "Ann  Louise", " "], Family = " O'Neill " });
        var record = FhirPatientMapper.ToPatientRecord(patient);
        Assert.Equal("Mary Ann Louise", record.GivenNames);
        Assert.Equal("O'Neill", record.FamilyName);
    }

    [Theory]
    [InlineData(AdministrativeGender.Male, "male", Sex.Male)]
    [InlineData(AdministrativeGender.Female, "female", Sex.Female)]
    [InlineData(AdministrativeGender.Other, "other", Sex.Other)]
    [InlineData(AdministrativeGender.Unknown, "unknown", Sex.Unknown)]
    public void Gender_becomes_text_the_record_set_reads(AdministrativeGender gender, string text, Sex sex)
    {
        var record = FhirPatientMapper.ToPatientRecord(new Patient { Gender = gender });
        Assert.Equal(text, record.Sex);
        Assert.True(SexCodes.TryParse(record.Sex, out var parsed));
        Assert.Equal(sex, parsed);
    }

    [Fact]
    public void Only_the_nhs_number_system_gives_the_nhs_number()
    {
        var patient = new Patient();
        patient.Identifier.Add(new Identifier("https://fhir.nhs.uk/Id/nhs-number-typo", "9991234004"));
        patient.Identifier.Add(new Identifier(null, "9991234012"));
        var record = FhirPatientMapper.ToPatientRecord(patient);
        Assert.Null(record.NhsNumber);
        Assert.Equal("9991234004", record.LocalIdentifier); // by default the first non-NHS identifier is local
    }

    [Fact]
    public void A_local_identifier_system_picks_that_system_only()
    {
        var patient = new Patient();
        patient.Identifier.Add(new Identifier("https://fhir.example-gp.nhs.uk/Id/patient-number", "G-1"));
        patient.Identifier.Add(new Identifier("https://fhir.example-trust.nhs.uk/Id/hospital-number", "RX1") { Use = Identifier.IdentifierUse.Old });
        patient.Identifier.Add(new Identifier("https://fhir.example-trust.nhs.uk/Id/hospital-number", "RX2"));
        var options = FhirPatientMapperOptions.Default with { LocalIdentifierSystem = "https://fhir.example-trust.nhs.uk/Id/hospital-number" };
        Assert.Equal("RX2", FhirPatientMapper.ToPatientRecord(patient, options).LocalIdentifier);
        Assert.Equal("G-1", FhirPatientMapper.ToPatientRecord(patient).LocalIdentifier);
    }

    [Fact]
    public void Work_and_billing_addresses_are_not_where_the_patient_lives()
    {
        var patient = new Patient();
        patient.Address.Add(new Address { Use = Address.AddressUse.Work, PostalCode = "LS1 4AP" });
        patient.Address.Add(new Address { Use = Address.AddressUse.Billing, PostalCode = "LS2 7HY" });
        Assert.Null(FhirPatientMapper.ToPatientRecord(patient).Postcode);

        patient.Address.Add(new Address { PostalCode = "LS6 1AN" });
        Assert.Equal("LS6 1AN", FhirPatientMapper.ToPatientRecord(patient).Postcode);
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, PostalCode = "LS8 2JJ" });
        Assert.Equal("LS8 2JJ", FhirPatientMapper.ToPatientRecord(patient).Postcode);
    }

    [Fact]
    public void An_empty_patient_gives_an_empty_record()
    {
        var record = FhirPatientMapper.ToPatientRecord(new Patient());
        Assert.Null(record.Id);
        Assert.Null(record.NhsNumber);
        Assert.Null(record.GivenNames);
        Assert.Null(record.FamilyName);
        Assert.Null(record.DateOfBirth);
        Assert.Null(record.Sex);
        Assert.Null(record.Postcode);
        Assert.Null(record.Address);
        Assert.Null(record.LocalIdentifier);
        Assert.Null(record.Phone);
        Assert.Null(record.Email);
        Assert.Null(record.GpPracticeCode);
    }

    [Fact]
    public void The_gp_practice_is_the_first_reference_identified_by_an_ods_code()
    {
        var patient = new Patient();
        patient.GeneralPractitioner.Add(new ResourceReference("Practitioner/gp-7", "Dr A Invented")); // the GP, not the practice
        patient.GeneralPractitioner.Add(new ResourceReference("#practice")); // a contained resource: not resolved
        patient.GeneralPractitioner.Add(new ResourceReference { Type = "Practitioner", Identifier = new Identifier("https://fhir.hl7.org.uk/Id/gmp-number", "G9999998") });
        patient.GeneralPractitioner.Add(new ResourceReference { Type = "Practitioner", Identifier = new Identifier(UkCoreSystems.OdsOrganizationCode, "Y09999") }); // typed as a person
        patient.GeneralPractitioner.Add(new ResourceReference { Identifier = new Identifier("https://fhir.example-trust.nhs.uk/Id/practice", "Y08888") });
        patient.GeneralPractitioner.Add(new ResourceReference { Identifier = new Identifier(UkCoreSystems.OdsOrganizationCode, "  ") });
        patient.GeneralPractitioner.Add(new ResourceReference { Type = "Organization", Identifier = new Identifier(UkCoreSystems.OdsOrganizationCode, " y02345 ") });
        patient.GeneralPractitioner.Add(new ResourceReference { Identifier = new Identifier(UkCoreSystems.OdsOrganizationCode, "Y06789") });

        Assert.Equal("Y02345", FhirPatientMapper.ToPatientRecord(patient).GpPracticeCode); // trimmed, upper case

        patient.GeneralPractitioner.RemoveAt(6);
        Assert.Equal("Y06789", FhirPatientMapper.ToPatientRecord(patient).GpPracticeCode); // an untyped reference counts

        patient.GeneralPractitioner.RemoveAt(6);
        Assert.Null(FhirPatientMapper.ToPatientRecord(patient).GpPracticeCode); // none left has an ODS code
    }

    [Theory]
    [InlineData("Organization")]
    [InlineData("http://hl7.org/fhir/StructureDefinition/Organization")] // Reference.type is a URI, absolute allowed
    public void An_organization_typed_reference_is_read(string type)
    {
        var patient = new Patient();
        patient.GeneralPractitioner.Add(new ResourceReference { Type = type, Identifier = new Identifier(UkCoreSystems.OdsOrganizationCode, "A81001") });
        Assert.Equal("A81001", FhirPatientMapper.ToPatientRecord(patient).GpPracticeCode);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => FhirPatientMapper.ToPatientRecord(null!));
        Assert.Throws<ArgumentNullException>(() => FhirPatientMapper.ToPatient(null!));
        Assert.Throws<ArgumentNullException>(() => FhirPatientMapper.SelectName(null!));
    }
}
