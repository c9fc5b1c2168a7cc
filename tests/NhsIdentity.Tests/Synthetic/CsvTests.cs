using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Synthetic;

public sealed class CsvTests
{
    [Theory]
    [InlineData(SupplierDialect.Pas, "PatientID,NHS_NO,Forename,Surname,DOB,Gender,AddressLine1,AddressLine2,AddressLine3,PostCode")]
    [InlineData(SupplierDialect.Gp, "id,nhs_number,given_name,family_name,date_of_birth,sex,address,postcode,local_id")]
    public void Written_extracts_start_with_the_dialect_header(SupplierDialect dialect, string header)
    {
        var text = SyntheticSamples.WriteExtract(SyntheticPopulation.Generate(10, 1), dialect, ErrorProfile.Default, 1);

        Assert.StartsWith(header + "\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SupplierDialect.Pas)]
    [InlineData(SupplierDialect.Gp)]
    public void Written_extracts_read_back_to_the_same_fields(SupplierDialect dialect)
    {
        var rows = SupplierExtract.Generate(SyntheticPopulation.Generate(3_000, 21), dialect, ErrorProfile.Default, 22).ToList();
        using var writer = new StringWriter();
        var written = SupplierExtract.WriteCsv(writer, dialect, rows);

        var read = SupplierExtract.ReadCsv(new StringReader(writer.ToString()), dialect).ToList();

        Assert.Equal(rows.Count, written);
        Assert.Equal(rows.Count, read.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].GetFields(), read[i].GetFields());
            Assert.Equal(rows[i].Address, read[i].Address);
            Assert.Equal(rows[i].LocalIdentifier, read[i].LocalIdentifier);
            Assert.Equal(-1, read[i].PersonId);
        }

        // The data itself exercises quoting: GP addresses hold commas, the error profile adds edge spaces.
        Assert.Contains(rows, r => r.GetFields().Any(f => f.Length != 0 && (f[0] == ' ' || f[^1] == ' ')));
        if (dialect == SupplierDialect.Gp)
        {
            Assert.Contains("\"1", writer.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fields_with_commas_quotes_line_breaks_or_edge_spaces_are_quoted()
    {
        var row = new SupplierRow
        {
            Dialect = SupplierDialect.Gp,
            Id = "G1",
            GivenNames = " Anne",
            FamilyName = "O\"Neil",
            AddressLines = ["1 Church Road, Leeds"],
            Postcode = "LS1\n1AA",
            LocalIdentifier = "plain",
        };
        using var writer = new StringWriter();
        SupplierExtract.WriteCsv(writer, SupplierDialect.Gp, [row]);

        var line = writer.ToString().Split('\n', 2)[1];
        Assert.Equal("G1,,\" Anne\",\"O\"\"Neil\",,,\"1 Church Road, Leeds\",\"LS1\n1AA\",plain\n", line);
        Assert.Equal(row.GetFields(), SupplierExtract.ReadCsv(new StringReader(writer.ToString()), SupplierDialect.Gp).Single().GetFields());
    }

    [Property(MaxTest = 100)]
    public Property Any_field_text_round_trips() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string[]>().Where(a => a is not null && a.Length >= 9)), texts =>
        {
            var fields = texts.Take(9).Select(t => (t ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal)).ToArray();
            var row = SupplierRow.FromFields(SupplierDialect.Gp, fields);
            using var writer = new StringWriter();
            SupplierExtract.WriteCsv(writer, SupplierDialect.Gp, [row]);
            var back = SupplierExtract.ReadCsv(new StringReader(writer.ToString()), SupplierDialect.Gp).ToList();

            // A row of nine empty fields is a line of eight commas, which reads back as such.
            return back.Count == 1 && back[0].GetFields().SequenceEqual(fields);
        });

    [Fact]
    public void The_truth_file_names_every_row_once_with_its_person()
    {
        var population = SyntheticPopulation.Generate(3_000, 31);
        var pasRows = SupplierExtract.Generate(population, SupplierDialect.Pas, ErrorProfile.Default, 32).ToList();
        var gpRows = SupplierExtract.Generate(population, SupplierDialect.Gp, ErrorProfile.Default, 33).ToList();
        using var truth = new StringWriter();
        SupplierExtract.WriteCsv(TextWriter.Null, SupplierDialect.Pas, pasRows, truth);
        SupplierExtract.WriteCsv(TextWriter.Null, SupplierDialect.Gp, gpRows, truth, writeTruthHeader: false);

        var lines = SupplierExtract.ReadTruthCsv(new StringReader(truth.ToString())).ToList();

        Assert.StartsWith(SupplierExtract.TruthHeader + "\n", truth.ToString(), StringComparison.Ordinal);
        Assert.Equal(pasRows.Count + gpRows.Count, lines.Count);
        Assert.Equal(lines.Count, lines.Select(l => (l.Source, l.Id)).Distinct().Count());
        var byKey = lines.ToDictionary(l => (l.Source, l.Id), l => l.PersonId);
        Assert.All(pasRows.Concat(gpRows), r => Assert.Equal(r.PersonId, byKey[(r.Source, r.Id)]));

        // Within-extract duplicates are true links: same person, two ids.
        var pasDuplicates = pasRows.Where(r => r.IsDuplicate).ToList();
        Assert.NotEmpty(pasDuplicates);
        Assert.All(pasDuplicates, d => Assert.Single(pasRows, r => r.PersonId == d.PersonId && r.Id != d.Id));
        Assert.All(pasDuplicates, d => Assert.StartsWith("RX2", d.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Truth_files_without_a_source_column_are_read_too()
    {
        var lines = SupplierExtract.ReadTruthCsv(new StringReader("id,person_id\nRX10000001,7\n")).ToList();

        Assert.Equal([new TruthRow(string.Empty, "RX10000001", 7)], lines);
    }

    [Fact]
    public void A_wrong_header_is_rejected()
    {
        var gp = SyntheticSamples.WriteExtract(SyntheticPopulation.Generate(5, 1), SupplierDialect.Gp, ErrorProfile.None, 1);

        Assert.Throws<FormatException>(() => SupplierExtract.ReadCsv(new StringReader(gp), SupplierDialect.Pas).ToList());
        Assert.Throws<FormatException>(() => SupplierExtract.ReadTruthCsv(new StringReader("a,b\n")).ToList());
    }

    [Fact]
    public void Rows_convert_to_patient_records_field_for_field()
    {
        var population = SyntheticPopulation.Generate(200, 41);
        foreach (var dialect in new[] { SupplierDialect.Pas, SupplierDialect.Gp })
        {
            foreach (var row in SupplierExtract.Generate(population, dialect, ErrorProfile.Default, 42))
            {
                var record = row.ToPatientRecord();
                Assert.Equal(
                    (row.Id, row.NhsNumber, row.GivenNames, row.FamilyName, row.DateOfBirth, row.Sex, row.Postcode, row.Address, row.LocalIdentifier),
                    (record.Id, record.NhsNumber, record.GivenNames, record.FamilyName, record.DateOfBirth, record.Sex, record.Postcode, record.Address, record.LocalIdentifier));
                Assert.Equal(population[row.PersonId].Phone, record.Phone);
                Assert.Equal(population[row.PersonId].Email, record.Email);
                Assert.DoesNotContain(row.FamilyName.Trim(), record.ToString() + row.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
