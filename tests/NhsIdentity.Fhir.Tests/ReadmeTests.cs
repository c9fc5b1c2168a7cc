using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir.Tests.Mapping;
using NhsIdentity.Fhir.Tests.TestHelpers;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests;

/// <summary>Keeps the package README's example true: its C# block must be the code between the markers below
/// (less the using directives), and running it must give what its comments say.</summary>
public sealed class ReadmeTests
{
    private static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NhsIdentity.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory.FullName, .. parts]);
    }

    [Fact]
    public void The_readme_example_is_the_code_this_test_runs()
    {
        var readme = File.ReadAllText(RepositoryFile("src", "NhsIdentity.Fhir", "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var source = File.ReadAllText(RepositoryFile("tests", "NhsIdentity.Fhir.Tests", "ReadmeTests.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);

        var block = Between(readme, "```csharp\n", "```");
        var readmeCode = string.Join('\n', block.Split('\n').Where(line => !line.StartsWith("using ", StringComparison.Ordinal) || line.StartsWith("using var ", StringComparison.Ordinal))).Trim();
        var testedCode = Dedent(Between(source, "// README example start\n", "        // README example end")).Trim();
        Assert.Equal(readmeCode, testedCode);
    }

    [Fact]
    public void The_readme_example_gives_what_its_comments_say()
    {
        var log = new List<string>();
        var ndjson = string.Join(
            '\n',
            FhirExamples.ToJson(FhirExamples.Patient("patient-full.json")),
            FhirExamples.ToJson(FhirExamples.Patient("patient-partial.json")),
            "{\"resourceType\":\"Patient\",");
        var requestJson = FhirExamples.ToJson(FhirPatientMapper.ToPatient(RecordToPatientTests.Margaret));

        // README example start
        // Load an NDJSON export (one Patient per line) into an index, keeping the resources to answer with.
        var store = new Dictionary<string, Patient>(StringComparer.Ordinal);
        using var index = new PatientIndex(MatchModel.Default);
        foreach (var line in FhirNdjson.ReadPatients(new StringReader(ndjson)))
        {
            if (!line.IsSuccess)
            {
                log.Add(line.ToString()); // "FhirNdjsonResult(Line 3, InvalidJson)": never the line's content
                continue;
            }

            index.AddOrUpdate(line.Record);
            store[line.Record.Id!] = line.Patient;
        }

        index.RefreshTermFrequencies();

        // Answer a $match request: candidates best first, with search.score and match-grade.
        var query = new FhirJsonDeserializer().Deserialize<Patient>(requestJson);
        Bundle answer = index.Match(query, maxResults: 5, id => store.GetValueOrDefault(id));
        var best = answer.Entry[0];                  // best.Resource.Id == "pas-100234", best.Search.Score == 1m
        var json = answer.ToJson();                  // ..."search":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/match-grade","valueCode":"certain"}],"mode":"match","score":1}...
        // README example end

        Assert.Equal(["FhirNdjsonResult(Line 3, InvalidJson)"], log);
        Assert.Equal("pas-100234", best.Resource!.Id);
        Assert.Equal(1m, best.Search!.Score);
        Assert.Contains(
            "\"search\":{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/match-grade\",\"valueCode\":\"certain\"}],\"mode\":\"match\",\"score\":1}",
            json,
            StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "start marker not found");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, "end marker not found");
        return text[from..to];
    }

    private static string Dedent(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line.TrimStart()));
}
