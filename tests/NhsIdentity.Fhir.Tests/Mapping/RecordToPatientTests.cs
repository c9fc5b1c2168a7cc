using Hl7.Fhir.Model;
using NhsIdentity.Demographics;
using NhsIdentity.Fhir.Tests.TestHelpers;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.Mapping;

public sealed class RecordToPatientTests
{
    // An invented person as a PAS extract holds her: spaced NHS number, day-first date, Data Dictionary sex code,
    // lower-case postcode without a space, address lines separated by commas.
    internal static readonly PatientRecord Margaret = new()
    {
        Id = "pas-100234", NhsNumber = "999 123 4004", GivenNames = "Margaret  Eleanor", FamilyName = "Ashworth",
        DateOfBirth = "02/11/1948", Sex = "2", Postcode = "hx78ae", Address = "Flat 3, 17 Chapel Street,Hebden Bridge",
        LocalIdentifier = "RX1234567", Phone = "07700 900215", Email = "peggy.ashworth@example.com", GpPracticeCode = " y02345",
    };

    [Fact]
    public void A_record_becomes_a_uk_core_style_patient()
    {
        var options = FhirPatientMapperOptions.Default with { LocalIdentifierSystem = "https://fhir.example-trust.nhs.uk/Id/hospital-number" };
        var patient = FhirPatientMapper.ToPatient(Margaret, options);

        Assert.Equal("pas-100234", patient.Id);
        var nhs = Assert.Single(patient.Identifier, i => i.System == UkCoreSystems.NhsNumber);
        Assert.Equal("9991234004", nhs.Value);
        var local = Assert.Single(patient.Identifier, i => i.System == options.LocalIdentifierSystem);
        Assert.Equal("RX1234567", local.Value);
        Assert.Equal(Identifier.IdentifierUse.Usual, local.Use);

        var name = Assert.Single(patient.Name);
        Assert.Equal(HumanName.NameUse.Official, name.Use);
        Assert.Equal("Ashworth", name.Family);
        Assert.Equal(["Margaret", "Eleanor"], name.Given);

        Assert.Equal(AdministrativeGender.Female, patient.Gender);
        Assert.Equal("1948-11-02", patient.BirthDate);

        var address = Assert.Single(patient.Address);
        Assert.Equal(Address.AddressUse.Home, address.Use);
        Assert.Equal(["Flat 3", "17 Chapel Street", "Hebden Bridge"], address.Line);
        Assert.Equal("HX7 8AE", address.PostalCode);

        Assert.Collection(
            patient.Telecom,
            phone => Assert.Equal((ContactPoint.ContactPointSystem.Phone, "07700 900215"), (phone.System!.Value, phone.Value)),
            email => Assert.Equal((ContactPoint.ContactPointSystem.Email, "peggy.ashworth@example.com"), (email.System!.Value, email.Value)));

        var practice = Assert.Single(patient.GeneralPractitioner);
        Assert.Equal("Organization", practice.Type);
        Assert.Null(practice.Reference); // identified by its ODS code only: no server resource is implied
        var identifier = Assert.IsType<Identifier>(practice.Identifier);
        Assert.Equal(UkCoreSystems.OdsOrganizationCode, identifier.System);
        Assert.Equal("Y02345", identifier.Value); // trimmed, upper case
    }

    [Fact]
    public void The_written_patient_is_valid_fhir_json_that_reads_back_to_the_same_fields()
    {
        var json = FhirExamples.ToJson(FhirPatientMapper.ToPatient(Margaret));
        Assert.Contains("\"system\":\"https://fhir.nhs.uk/Id/nhs-number\"", json, StringComparison.Ordinal);

        var parsed = FhirExamples.ParsePatient(json); // strict: throws on anything that is not valid R4
        var back = FhirPatientMapper.ToPatientRecord(parsed);
        Assert.Equal(MappedFields.Of(Margaret), MappedFields.Of(back));
        Assert.Equal("Margaret Eleanor", back.GivenNames);
        Assert.Equal("Flat 3, 17 Chapel Street, Hebden Bridge", back.Address);
        Assert.Equal("HX7 8AE", back.Postcode);
        Assert.Equal("female", back.Sex);
        Assert.Equal("Y02345", back.GpPracticeCode);
        Assert.Contains("\"generalPractitioner\":[{\"type\":\"Organization\",\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y02345\"}}]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_round_tripped_record_scores_exactly_as_the_original()
    {
        var back = FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(Margaret));
        Assert.Equal(MatchModel.Default.Score(Margaret, Margaret), MatchModel.Default.Score(Margaret, back));
    }

    [Fact]
    public void The_uk_core_example_survives_patient_to_record_to_patient_to_record()
    {
        var first = FhirPatientMapper.ToPatientRecord(FhirExamples.Patient("patient-full.json"));
        var second = FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(first));
        Assert.Equal(MappedFields.Of(first), MappedFields.Of(second));
        Assert.Equal("Y00001", second.GpPracticeCode);
    }

    [Theory]
    [InlineData("1972-05", "1972-05")]
    [InlineData("1972", "1972")]
    [InlineData("05/1972", "1972-05")]
    [InlineData("19720514", "1972-05-14")]
    public void Partial_and_other_date_forms_are_written_as_iso_8601(string written, string birthDate)
    {
        var patient = FhirPatientMapper.ToPatient(new PatientRecord { DateOfBirth = written });
        Assert.Equal(birthDate, patient.BirthDate);
    }

    [Fact]
    public void The_date_order_option_reads_month_first_dates()
    {
        var options = FhirPatientMapperOptions.Default with { DateOrder = DateOrder.MonthDayYear };
        Assert.Equal("1948-02-11", FhirPatientMapper.ToPatient(new PatientRecord { DateOfBirth = "02/11/1948" }, options).BirthDate);
    }

    [Theory]
    [InlineData("M", AdministrativeGender.Male)]
    [InlineData("1", AdministrativeGender.Male)]
    [InlineData("F", AdministrativeGender.Female)]
    [InlineData("9", AdministrativeGender.Other)] // indeterminate has no FHIR code of its own
    [InlineData("O", AdministrativeGender.Other)]
    [InlineData("X", AdministrativeGender.Unknown)]
    [InlineData("U", AdministrativeGender.Unknown)]
    public void Sex_codes_become_administrative_gender(string sex, AdministrativeGender gender) =>
        Assert.Equal(gender, FhirPatientMapper.ToPatient(new PatientRecord { Sex = sex }).Gender);

    [Fact]
    public void Unreadable_values_are_left_out_rather_than_asserted()
    {
        var patient = FhirPatientMapper.ToPatient(new PatientRecord
        {
            NhsNumber = "999 123 4005", // check digit fails: not asserted under the NHS number system
            DateOfBirth = "31/02/1990",
            Sex = "Q",
            Postcode = "not a postcode", // kept as written: an address field, not an identifier
            GpPracticeCode = "Y02-345", // not an ODS code: not asserted under the ODS system
        });
        Assert.Empty(patient.Identifier);
        Assert.Null(patient.BirthDate);
        Assert.Null(patient.Gender);
        Assert.Equal("not a postcode", Assert.Single(patient.Address).PostalCode);
        Assert.Empty(patient.Name);
        Assert.Empty(patient.Telecom);
        Assert.Empty(patient.GeneralPractitioner);
    }

    [Fact]
    public void An_empty_record_gives_an_empty_patient()
    {
        var patient = FhirPatientMapper.ToPatient(new PatientRecord());
        Assert.Null(patient.Id);
        Assert.Empty(patient.Identifier);
        Assert.Empty(patient.Name);
        Assert.Empty(patient.Address);
        Assert.Empty(patient.Telecom);
        Assert.Null(patient.Gender);
        Assert.Null(patient.BirthDate);
        Assert.Empty(patient.GeneralPractitioner);
    }
}
