using Hl7.Fhir.Model;
using NhsIdentity.Fhir;
using NhsIdentity.Matching;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class OnlyCertainMatchesTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Only_certain_matches_leaves_out_a_review_candidate()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var stored = Synthetic.Patient(Synthetic.NhsNumber(61));
        await client.PutAsync(new Uri("/fhir/Patient/p-61", UriKind.Relative), Synthetic.Fhir(stored));
        // Weaker descriptions of the same person (no NHS number); the first the default model calls Review.
        Patient[] weaker =
        [
            new() { Name = [new HumanName { Family = "Quellwater" }], BirthDate = "1961-04-17" },
            new() { Name = [new HumanName { Given = ["Ardith"] }], BirthDate = "1961-04-17" },
            new() { Name = [new HumanName { Family = "Quellwater", Given = ["Ardith"] }], Address = [new Address { PostalCode = "LS1 4AP" }] },
            new() { Name = [new HumanName { Family = "Quellwater" }], Address = [new Address { PostalCode = "LS1 4AP" }] },
            new() { Name = [new HumanName { Family = "Quellwater", Given = ["Ardith"] }], BirthDate = "1961-05-17" },
            new() { Name = [new HumanName { Family = "Quellwater", Given = ["Ardith"] }] },
        ];
        var storedRecord = FhirPatientMapper.ToPatientRecord(stored);
        var query = Assert.Single(weaker.Where(p => MatchModel.Default.Score(FhirPatientMapper.ToPatientRecord(p), storedRecord).Decision == MatchDecision.Review).Take(1));

        var all = await Synthetic.ReadAsync<Bundle>(await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(query, onlyCertain: false))));
        var certain = await Synthetic.ReadAsync<Bundle>(await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(query, onlyCertain: true))));

        Assert.Equal("p-61", Assert.Single(all.Entry).Resource?.Id);
        Assert.Empty(certain.Entry);
    }
}
