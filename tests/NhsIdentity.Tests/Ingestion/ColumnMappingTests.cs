using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Ingestion;

public sealed class ColumnMappingTests
{
    public static TheoryData<string, string> Spellings => new()
    {
        // Standard names.
        { "id", "id" },
        { "nhs_number", "nhs_number" },
        { "given_name", "given_name" },
        { "middle_name", "middle_name" },
        { "family_name", "family_name" },
        { "date_of_birth", "date_of_birth" },
        { "sex", "sex" },
        { "postcode", "postcode" },
        { "address", "address" },
        { "local_id", "local_id" },
        { "phone", "phone" },
        { "email", "email" },
        { "gp_practice", "gp_practice" },

        // Supplier and MPS spellings.
        { "NHS_NO", "nhs_number" },
        { "NHSNo", "nhs_number" },
        { "NHS Number", "nhs_number" },
        { "NHSNumber", "nhs_number" },
        { "nhs-number", "nhs_number" },
        { "Forename", "given_name" },
        { "Forenames", "given_name" },
        { "First Name", "given_name" },
        { "FirstName", "given_name" },
        { "GIVEN_NAME", "given_name" },
        { "Given Names", "given_name" },
        { "first_name", "given_name" },
        { "Middle Names", "middle_name" },
        { "Surname", "family_name" },
        { "Last Name", "family_name" },
        { "FAMILY_NAME", "family_name" },
        { "surname", "family_name" },
        { "DOB", "date_of_birth" },
        { "Date of Birth", "date_of_birth" },
        { "DATE_OF_BIRTH", "date_of_birth" },
        { "BirthDate", "date_of_birth" },
        { "dob", "date_of_birth" },
        { "Gender", "sex" },
        { "Sex", "sex" },
        { "PostCode", "postcode" },
        { "Post Code", "postcode" },
        { "POSTCODE", "postcode" },
        { "Postal Code", "postcode" },
        { "AddressLine1", "address" },
        { "AddressLine2", "address" },
        { "AddressLine5", "address" },
        { "ADDRESS_LINE1", "address" },
        { "ADDRESS_LINE3", "address" },
        { "address_1", "address" },
        { "address_2", "address" },
        { "street_number", "address" },
        { "suburb", "address" },
        { "city", "address" },
        { "town", "address" },
        { "PatientID", "local_id" },
        { "Patient Id", "local_id" },
        { "LOCAL_PATIENT_ID", "local_id" },
        { "MRN", "local_id" },
        { "Hospital Number", "local_id" },
        { "soc_sec_id", "local_id" },
        { "rec_id", "id" },
        { "unique_id", "id" },
        { "record_id", "id" },
        { "ID", "id" },
        { "telephone", "phone" },
        { "Phone Number", "phone" },
        { "Email Address", "email" },
        { "GP Practice", "gp_practice" },
        { "GP_PRACTICE", "gp_practice" },
        { "GP Practice Code", "gp_practice" },
        { "Practice Code", "gp_practice" },
        { "PRACTICE_CODE", "gp_practice" },
        { "ODS Code", "gp_practice" },
        { "ods_code", "gp_practice" },
        { "REGISTERED_GP", "gp_practice" },
        { "Registered Practice", "gp_practice" },
        { "GP Code", "gp_practice" },
        { "gp-code", "gp_practice" },
        { " given_name", "given_name" }, // FEBRL pads header cells with a space
        { "Date.Of.Birth", "date_of_birth" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Recognises_each_listed_spelling(string column, string fieldName)
    {
        Assert.True(PatientFieldNames.TryParse(fieldName, out var expected));
        Assert.Equal(fieldName, expected.ToName());
        Assert.True(ColumnMapping.TryRecognise(column, out var field));
        Assert.Equal(expected, field);

        // And through Create, as the only column, with Describe naming it.
        var mapping = ColumnMapping.Create([column]);
        Assert.Equal([0], mapping.ColumnsOf(expected));
        Assert.Empty(mapping.Ignored);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("cluster")]
    [InlineData("addressx")]
    [InlineData("address_line_a")]
    [InlineData("notes")]
    [InlineData("practice")]      // too vague: a practice could be any organisation
    [InlineData("gp_name")]       // the practice or GP name, not its ODS code
    [InlineData("GP")]            // often the doctor's name
    [InlineData("")]
    public void Does_not_recognise_other_names(string column) =>
        Assert.False(ColumnMapping.TryRecognise(column, out _));

    [Fact]
    public void Normalise_drops_case_and_punctuation_only()
    {
        Assert.Equal("nhsnumber", ColumnMapping.Normalise(" NHS_Number-.\t"));
        Assert.Equal("addressline1", ColumnMapping.Normalise("\uFEFFAddress Line 1"));
        Assert.Equal("prénom", ColumnMapping.Normalise("Prénom"));
    }

    [Fact]
    public void Maps_the_febrl_header()
    {
        // FEBRL 1-4 header row (Christen's dataset generator), spaces after commas as in the published files.
        string[] header = ["rec_id", " given_name", " surname", " street_number", " address_1", " address_2", " suburb", " postcode", " state", " date_of_birth", " soc_sec_id"];

        var mapping = ColumnMapping.Create(header);

        Assert.Equal([0], mapping.ColumnsOf(PatientField.Id));
        Assert.Equal([1], mapping.ColumnsOf(PatientField.GivenName));
        Assert.Equal([2], mapping.ColumnsOf(PatientField.FamilyName));
        Assert.Equal([3, 4, 5, 6], mapping.ColumnsOf(PatientField.Address));
        Assert.Equal([7], mapping.ColumnsOf(PatientField.Postcode));
        Assert.Equal([9], mapping.ColumnsOf(PatientField.DateOfBirth));
        Assert.Equal([10], mapping.ColumnsOf(PatientField.LocalIdentifier));
        Assert.Equal(" state", Assert.Single(mapping.Ignored).Name);
        Assert.Contains("address <-  street_number +  address_1 +  address_2 +  suburb", mapping.Describe());
    }

    [Fact]
    public void Maps_the_splink_fake_1000_header()
    {
        // Splink's fake_1000 demo data header.
        var mapping = ColumnMapping.Create("unique_id,first_name,surname,dob,city,email,cluster".Split(','));

        Assert.Equal([0], mapping.ColumnsOf(PatientField.Id));
        Assert.Equal([1], mapping.ColumnsOf(PatientField.GivenName));
        Assert.Equal([2], mapping.ColumnsOf(PatientField.FamilyName));
        Assert.Equal([3], mapping.ColumnsOf(PatientField.DateOfBirth));
        Assert.Equal([4], mapping.ColumnsOf(PatientField.Address));
        Assert.Equal([5], mapping.ColumnsOf(PatientField.Email));
        Assert.Equal("cluster", Assert.Single(mapping.Ignored).Name);
        Assert.Equal(
            [
                "id <- unique_id", "given_name <- first_name", "family_name <- surname", "date_of_birth <- dob",
                "address <- city", "email <- email", "not in file: nhs_number, sex, postcode, local_id, phone, gp_practice",
                "ignored: cluster (not a known column; use --map FIELD=COLUMN to use it)",
            ],
            mapping.Describe());
    }

    [Fact]
    public void Builds_records_joining_middle_names_and_address_lines_and_skipping_empties()
    {
        var mapping = ColumnMapping.Create(["NHS_NO", "Forename", "Middle Names", "Surname", "AddressLine1", "AddressLine2", "AddressLine3", "PostCode"]);

        var record = mapping.ToRecord(["9990000018", "Ada", "Mary Jane", "Testpatient", "1 Invented Road", null, "Nowhere Town", "ZZ99 3AA"], rowNumber: 5);

        Assert.Equal("5", record.Id); // no id column: the data row number
        Assert.Equal("9990000018", record.NhsNumber);
        Assert.Equal("Ada Mary Jane", record.GivenNames);
        Assert.Equal("Testpatient", record.FamilyName);
        Assert.Equal("1 Invented Road, Nowhere Town", record.Address);
        Assert.Equal("ZZ99 3AA", record.Postcode);
        Assert.Null(record.DateOfBirth);
        Assert.Contains("id <- (row number)", mapping.Describe());
        Assert.Contains("given_name <- Forename + Middle Names", mapping.Describe());
    }

    [Fact]
    public void Builds_records_with_the_GP_practice_from_a_recognised_column()
    {
        var mapping = ColumnMapping.Create(["NHS_NO", "Surname", "Practice Code"]);

        var record = mapping.ToRecord(["9990000018", "Testpatient", "Y02345"], rowNumber: 1);

        Assert.Equal("Y02345", record.GpPracticeCode); // as written: the CSV reader passes text on unchanged
        Assert.Contains("gp_practice <- Practice Code", mapping.Describe());
        Assert.Null(mapping.ToRecord(["9990000018", "Testpatient", ""], rowNumber: 2).GpPracticeCode);
    }

    [Fact]
    public void Map_gives_the_GP_practice_a_column_no_alias_knows_and_releases_the_automatic_one()
    {
        var mapping = ColumnMapping.Create(["GP Practice", "Surgery ODS"], ["gp_practice=Surgery ODS"]);

        Assert.Equal([1], mapping.ColumnsOf(PatientField.GpPractice));
        Assert.Equal("GP Practice", Assert.Single(mapping.Ignored).Name); // gp_practice is set by --map
        Assert.Equal("Y06789", mapping.ToRecord(["Y02345", "Y06789"], rowNumber: 1).GpPracticeCode);
        Assert.Contains("gp_practice <- Surgery ODS", mapping.Describe());

        var dropped = ColumnMapping.Create(["GP Practice"], ["GP-Practice="]); // field names are normalised too
        Assert.Empty(dropped.ColumnsOf(PatientField.GpPractice));
        Assert.Null(dropped.ToRecord(["Y02345"], rowNumber: 1).GpPracticeCode);
    }

    [Fact]
    public void First_column_wins_when_two_feed_one_field_and_the_other_is_reported()
    {
        var mapping = ColumnMapping.Create(["Forename", "First Name", "NHS Number", "NHS_NO"]);

        Assert.Equal([0], mapping.ColumnsOf(PatientField.GivenName));
        Assert.Equal([2], mapping.ColumnsOf(PatientField.NhsNumber));
        Assert.Equal(["First Name", "NHS_NO"], mapping.Ignored.Select(c => c.Name));
        Assert.Contains(mapping.Describe(), line => line.StartsWith("ignored: First Name (given_name already comes from 'Forename'", StringComparison.Ordinal));
    }

    [Fact]
    public void Override_picks_another_column_and_releases_the_automatic_one()
    {
        var mapping = ColumnMapping.Create(["Forename", "Preferred", "PatientID", "Hospital No"], ["given_name=Preferred", "local_id=hospital_no"]);

        Assert.Equal([1], mapping.ColumnsOf(PatientField.GivenName));
        Assert.Equal([3], mapping.ColumnsOf(PatientField.LocalIdentifier));
        Assert.Equal(["Forename", "PatientID"], mapping.Ignored.Select(c => c.Name));
        Assert.Contains("given_name <- Preferred", mapping.Describe());
    }

    [Fact]
    public void Override_can_move_a_column_to_another_field_or_drop_a_field()
    {
        var mapping = ColumnMapping.Create(["id", "Surname", "city", "Gender"], ["id=Surname", "family_name=id", "sex="]);

        Assert.Equal([1], mapping.ColumnsOf(PatientField.Id));
        Assert.Equal([0], mapping.ColumnsOf(PatientField.FamilyName));
        Assert.Empty(mapping.ColumnsOf(PatientField.Sex));
        Assert.Equal([2], mapping.ColumnsOf(PatientField.Address));
        Assert.Equal("Gender", Assert.Single(mapping.Ignored).Name);
    }

    [Fact]
    public void Address_overrides_accumulate_in_the_order_given()
    {
        var mapping = ColumnMapping.Create(["line_b", "line_a", "town"], ["address=line_a", "Address=line_b"]);

        Assert.Equal([1, 0], mapping.ColumnsOf(PatientField.Address));
        Assert.Equal("town", Assert.Single(mapping.Ignored).Name); // address is set by --map
    }

    [Fact]
    public void Exact_column_name_wins_over_a_normalised_match()
    {
        var mapping = ColumnMapping.Create(["DOB", "dob"], ["date_of_birth=dob"]);

        Assert.Equal([1], mapping.ColumnsOf(PatientField.DateOfBirth));
    }

    [Theory]
    [InlineData("nhs_number", ColumnOverrideError.Malformed)]
    [InlineData("=NHS_NO", ColumnOverrideError.Malformed)]
    [InlineData("nhs=NHS_NO", ColumnOverrideError.UnknownField)]
    [InlineData("nhs_number=Missing Column", ColumnOverrideError.UnknownColumn)]
    [InlineData("given_name=dob", ColumnOverrideError.AmbiguousColumn)] // DOB and Dob normalise alike, neither exact
    public void Bad_overrides_are_typed_errors_naming_the_override(string text, ColumnOverrideError error)
    {
        var exception = Assert.Throws<ColumnOverrideException>(() => ColumnMapping.Create(["NHS_NO", "DOB", "Dob"], [text]));

        Assert.Equal(error, exception.Error);
        Assert.Equal(text, exception.Override);
        Assert.StartsWith("Column override '" + text + "': ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_valued_field_cannot_take_two_override_columns_nor_one_column_two_fields()
    {
        Assert.Equal(ColumnOverrideError.FieldGivenTwoColumns,
            Assert.Throws<ColumnOverrideException>(() => ColumnMapping.Create(["a", "b"], ["sex=a", "sex=b"])).Error);
        Assert.Equal(ColumnOverrideError.ColumnGivenTwoFields,
            Assert.Throws<ColumnOverrideException>(() => ColumnMapping.Create(["a", "b"], ["sex=a", "email=a"])).Error);
    }

    [Fact]
    public void The_tool_reports_a_bad_override_as_a_usage_error_naming_map()
    {
        var exception = Assert.Throws<IngestionException>(() => CliColumnMapping.Create(["NHS_NO"], ["nhs=NHS_NO"]));

        Assert.True(exception.IsUsageError);
        Assert.StartsWith("--map nhs=NHS_NO: unknown field 'nhs'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lenient_overrides_whose_column_is_missing_are_skipped_and_listed()
    {
        var mapping = ColumnMapping.Create(["Hospital No", "Surname"], lenientOverrides: ["id=Hospital No", "id=ref", "email=Contact"]);

        Assert.Equal([0], mapping.ColumnsOf(PatientField.Id));
        Assert.Equal(["id=ref", "email=Contact"], mapping.SkippedOverrides);
    }

    [Fact]
    public void A_strict_override_wins_over_a_lenient_one_for_the_same_field()
    {
        var mapping = ColumnMapping.Create(["a", "b"], ["id=a"], ["id=b"]);

        Assert.Equal([0], mapping.ColumnsOf(PatientField.Id));
        Assert.Empty(mapping.SkippedOverrides);
    }

    [Theory]
    [InlineData(new[] { "id", "nhs_number" }, false)]
    [InlineData(new[] { "Hospital No", "nhs_number" }, false)]
    [InlineData(new[] { "nhs_number", "surname" }, true)]
    public void Ids_fall_back_to_the_local_identifier_then_the_row_number(string[] header, bool idsAreRowNumbers)
    {
        var mapping = ColumnMapping.Create(header);

        Assert.Equal(idsAreRowNumbers, mapping.IdsAreRowNumbers);
        var record = mapping.ToRecord(["L1", "9990000018"], 7);
        Assert.Equal(idsAreRowNumbers ? "7" : "L1", record.Id);
    }
}
