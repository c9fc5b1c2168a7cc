using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>Empty and repeated record ids (issue 14): set aside, counted and warned of, never two records under one id.</summary>
public sealed class RecordIdTests : IDisposable
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,postcode\n";

    // Invented people; 999-range NHS numbers only.
    private const string Ada = "9990000018,Ada,Testpatient,14/03/1987,LS1 4AP\n";
    private const string Bob = "9990000026,Bob,Example,02/01/1990,LS2 7AB\n";

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_repeated_id_sets_the_later_row_aside_naming_the_first()
    {
        var rejects = temp.PathOf("rejects.csv");
        using var text = new StringReader(Header + "a," + Ada + "b," + Bob + "a," + Bob);

        var result = SepPatientCsvReader.Read(text, new PatientCsvReadOptions { RejectsPath = rejects });

        Assert.Equal(["a", "b"], result.Records.Select(r => r.Id));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.DuplicateId, rejection.Reason);
        Assert.Equal("row 3 (line 4): duplicate id (first at row 1)", rejection.ToString());
        Assert.Equal(Header + "a," + Bob, File.ReadAllText(rejects));
        Assert.Equal(result.ItemsRead, result.Accepted + result.Rejected);
    }

    [Fact]
    public void An_empty_id_rejects_the_row()
    {
        using var text = new StringReader(Header + "a," + Ada + "," + Bob + "  ," + Bob);

        var result = SepPatientCsvReader.Read(text);

        Assert.Equal(["a"], result.Records.Select(r => r.Id));
        Assert.Equal(2, result.CountRejected(RejectionReason.EmptyId));
        Assert.Contains("empty id", result.Rejections[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_from_row_numbers_are_never_empty_or_repeated()
    {
        using var text = new StringReader("nhs_number,given_name,family_name,date_of_birth,postcode\n" + Ada + Ada + Bob);

        var result = SepPatientCsvReader.Read(text);

        Assert.Equal(["1", "2", "3"], result.Records.Select(r => r.Id));
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Dedupe_warns_once_with_the_count_and_writes_no_self_pair()
    {
        // Before: both "a" rows were records, and the identical pair was written as a,a (a self-pair).
        var input = temp.Write("in.csv", Header + "a," + Ada + "a," + Ada + "b," + Bob + "b," + Bob + "c," + Ada);
        var output = temp.PathOf("pairs.csv");

        var result = CliRunner.Run("dedupe", input, "--out", output, "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("in.csv: 5 rows, 3 accepted, 2 rejected", result.Error, StringComparison.Ordinal);
        var warning = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("warning:", StringComparison.Ordinal) && line.Contains("id", StringComparison.Ordinal));
        Assert.Contains("2 rows set aside", warning, StringComparison.Ordinal);
        foreach (var line in File.ReadAllLines(output).Skip(1))
        {
            var cells = line.Split(',');
            Assert.NotEqual(cells[0], cells[1]);
        }
    }

    [Fact]
    public void Link_keeps_the_same_id_in_left_and_right_apart_in_the_clusters_file()
    {
        var left = temp.Write("left.csv", Header + "1," + Ada + "2," + Bob);
        var right = temp.Write("right.csv", Header + "1," + Bob + "2," + Ada);
        var clusters = temp.PathOf("clusters.csv");

        var result = CliRunner.Run("link", left, right, "--out", temp.PathOf("links.csv"), "--clusters", clusters, "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("duplicate", result.Error, StringComparison.Ordinal); // different files: not duplicates
        var lines = File.ReadAllLines(clusters);
        Assert.Equal("id,cluster_id,source", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["left", "left", "right", "right"], rows.Select(r => r[2]));

        // Each (source, id) is one record in one cluster; with the source column the file is a truth file evaluate reads.
        Assert.Equal(4, rows.Select(r => (r[2], r[0])).Distinct().Count());
        var truth = LinkFileReader.ReadTruth(clusters);
        Assert.Equal(TruthFileKind.SourcedClusters, truth.Kind);
    }

    [Fact]
    public void A_repeated_fhir_resource_id_is_set_aside_but_not_a_repeated_hl7_patient_id()
    {
        // FHIR resource ids are unique in an export; an HL7 feed repeats a patient's id in every message about them.
        const string Patient = "{\"resourceType\":\"Patient\",\"id\":\"r1\",\"name\":[{\"family\":\"Testpatient\",\"given\":[\"Ada\"]}],\"birthDate\":\"1987-03-14\"}\n";
        var fhir = FhirNdjsonFileReader.Read(temp.Write("in.ndjson", Patient + Patient), new PatientSourceOptions([], RejectsPath: null));

        Assert.Equal(1, fhir.Accepted);
        var rejection = Assert.Single(fhir.Rejections);
        Assert.Equal(RejectionReason.DuplicateId, rejection.Reason);
        Assert.Equal("resource 2 (line 2): duplicate id (first at resource 1)", rejection.ToString());
    }
}
