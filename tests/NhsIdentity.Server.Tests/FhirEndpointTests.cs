using System.Net;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class FhirEndpointTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Match_finds_a_patient_that_was_put()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var nhs = Synthetic.NhsNumber(1);
        var other = Synthetic.NhsNumber(2);

        var put = await client.PutAsync(new Uri("/fhir/Patient/p-1", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(nhs)));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var putOther = await client.PutAsync(new Uri("/fhir/Patient/p-2", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(other, "Brennick", "Oakhollow", "1990-02-03", "M1 1AE")));
        Assert.Equal(HttpStatusCode.Created, putOther.StatusCode);

        var query = Synthetic.Patient(nhs);
        var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(query, count: 5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = await Synthetic.ReadAsync<Bundle>(response);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var first = Assert.Single(bundle.Entry);
        Assert.Equal("p-1", first.Resource?.Id);
        Assert.NotNull(first.Search?.Score);
    }

    [Fact]
    public async System.Threading.Tasks.Task Replace_returns_200_and_get_returns_what_was_written()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var uri = new Uri("/fhir/Patient/p-9", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync(uri, Synthetic.Fhir(Synthetic.Patient(Synthetic.NhsNumber(9))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(uri, Synthetic.Fhir(Synthetic.Patient(Synthetic.NhsNumber(9), family: "Quellwater-Ashby")))).StatusCode);

        var read = await Synthetic.ReadAsync<Patient>(await client.GetAsync(uri));

        Assert.Equal("p-9", read.Id);
        Assert.Equal("Quellwater-Ashby", read.Name[0].Family);
    }

    [Fact]
    public async System.Threading.Tasks.Task Delete_removes_the_patient_from_the_store_and_the_index()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var nhs = Synthetic.NhsNumber(3);
        var uri = new Uri("/fhir/Patient/p-3", UriKind.Relative);
        await client.PutAsync(uri, Synthetic.Fhir(Synthetic.Patient(nhs)));

        var delete = await client.DeleteAsync(uri);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(uri)).StatusCode);
        var match = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(nhs))));
        Assert.Empty((await Synthetic.ReadAsync<Bundle>(match)).Entry);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(uri)).StatusCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_of_an_unknown_id_is_a_404_operation_outcome()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();

        var response = await client.GetAsync(new Uri("/fhir/Patient/nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = await Synthetic.ReadAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueType.NotFound, Assert.Single(outcome.Issue).Code);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_bad_body_gets_an_operation_outcome_that_does_not_echo_it()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var json = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Zyndrelle\"}],\"birthDate\":\"not-a-date-1961\"}";

        var response = await client.PutAsync(new Uri("/fhir/Patient/p-4", UriKind.Relative), Synthetic.Fhir(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("OperationOutcome", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Zyndrelle", body, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-date", body, StringComparison.Ordinal);
    }
}
