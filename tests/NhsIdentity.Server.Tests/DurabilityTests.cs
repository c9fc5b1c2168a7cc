using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task A_restart_on_the_same_file_finds_what_was_written_before()
    {
        var nhs = Synthetic.NhsNumber(11);
        var plainNhs = Synthetic.NhsNumber(12);
        using (var first = new ServerFactory(_data.DbPath))
        {
            using var client = await first.ReadyClientAsync();
            await client.PutAsync(new Uri("/fhir/Patient/p-11", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(nhs)));
            await client.PutAsJsonAsync(new Uri("/records/r-12", UriKind.Relative), new { nhsNumber = plainNhs, givenNames = "Corvin", familyName = "Mistledge", dateOfBirth = "1975-09-30", postcode = "BS1 5TR" });
            await client.PutAsync(new Uri("/fhir/Patient/p-13", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(Synthetic.NhsNumber(13), "Delphine", "Harrowgate")));
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/fhir/Patient/p-13", UriKind.Relative))).StatusCode);
        }

        using var second = new ServerFactory(_data.DbPath);
        using var restarted = await second.ReadyClientAsync();

        var bundle = await Synthetic.ReadAsync<Bundle>(await restarted.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(nhs)))));
        Assert.Equal("p-11", Assert.Single(bundle.Entry).Resource?.Id);
        var plain = await restarted.PostAsJsonAsync(new Uri("/match", UriKind.Relative), new { nhsNumber = plainNhs, givenNames = "Corvin", familyName = "Mistledge", dateOfBirth = "1975-09-30" });
        using var json = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
        Assert.Equal("r-12", json.RootElement.GetProperty("matches")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await restarted.GetAsync(new Uri("/fhir/Patient/p-13", UriKind.Relative))).StatusCode);

        using var ready = JsonDocument.Parse(await restarted.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        Assert.Equal(2, ready.RootElement.GetProperty("records").GetInt32());
        Assert.Equal(1, ready.RootElement.GetProperty("modelVersion").GetInt32());
    }
}
