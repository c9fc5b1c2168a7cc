using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>--format fhir-ndjson</c>: UK Core Patient resources, one per line, as link, dedupe and train inputs.</summary>
public sealed class FhirInputCommandTests : IDisposable
{
    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    // Invented people; 999-range NHS numbers. The first two are the GP extract's first two patients as a FHIR
    // server would hold them; the third is nobody in it.
    private const string Patients =
        """
        {"resourceType":"Patient","id":"F1","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9994456156"}],"name":[{"use":"official","family":"Reid","given":["Benjamin","Max"]}],"gender":"male","birthDate":"2016-12-15","address":[{"use":"home","line":["Flat 7","93 Riverside Crescent"],"postalCode":"SK11 8JN"}]}

        {"resourceType":"Patient","id":"F2","name":[{"use":"usual","family":"More","given":["Laura"]}],"gender":"female","birthDate":"1990-09-03","address":[{"line":["34 New Court"],"city":"Sefton","postalCode":"L22 5NL"}]}
        {"resourceType":"Observation","id":"not-a-patient","status":"final"}
        {"resourceType":"Patient","id":"F3","name":[{"family":"Quayle","given":["Ophelia"]}],"gender":"female","birthDate":"1944-06-17"}
        this line is not JSON
        """;

    [Fact]
    public void Links_ndjson_patients_against_a_csv_extract_and_sets_bad_lines_aside()
    {
        var input = _temp.Write("patients.ndjson", Patients);
        var output = _temp.PathOf("links.csv");

        var result = CliRunner.Run("link", input, RepositoryRoot.Combine("samples", "data", "gp.csv"), "--format", "fhir-ndjson",
            "--right-format", "csv", "--out", output, "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("5 resources, 3 accepted, 2 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("resource 3 (line 4)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Observation", result.Error, StringComparison.Ordinal);
        var links = File.ReadAllLines(output);
        Assert.Contains(links, l => l.StartsWith("F1,G00000001,", StringComparison.Ordinal) && l.EndsWith(",match", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("F2,G00000002,", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.StartsWith("F3,", StringComparison.Ordinal));
        var rejects = File.ReadAllText(_temp.PathOf("links.left.rejects.ndjson"));
        Assert.Contains("not-a-patient", rejects, StringComparison.Ordinal);
        Assert.Contains("this line is not JSON", rejects, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_no_resource_is_a_clear_error()
    {
        var result = CliRunner.Run("dedupe", _temp.Write("empty.ndjson", "\n\n"), "--format", "fhir-ndjson", "--out", _temp.PathOf("x.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("holds no FHIR resource", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.PathOf("x.csv")));
    }
}
