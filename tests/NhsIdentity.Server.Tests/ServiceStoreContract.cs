using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>The service end to end on each store, through <see cref="ServerFactory"/>: what a restart finds, and a
/// <c>$match</c>. One subclass per store; two servers started by one test share its store (a restart).</summary>
public abstract class ServiceStoreContract
{
    /// <summary>A server on this test's store.</summary>
    private protected abstract ServerFactory StartServer();

    /// <summary>The store the settings must have chosen.</summary>
    private protected abstract Type ExpectedStore { get; }

    [StoreFact]
    public async System.Threading.Tasks.Task A_restart_on_the_same_store_finds_what_was_written_before()
    {
        var nhs = Synthetic.NhsNumber(11);
        var plainNhs = Synthetic.NhsNumber(12);
        using (var first = StartServer())
        {
            using var client = await first.ReadyClientAsync();
            Assert.IsType(ExpectedStore, first.Services.GetRequiredService<IPatientStore>());
            await client.PutAsync(new Uri("/fhir/Patient/p-11", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(nhs)));
            await client.PutAsJsonAsync(new Uri("/records/r-12", UriKind.Relative), new { nhsNumber = plainNhs, givenNames = "Corvin", familyName = "Mistledge", dateOfBirth = "1975-09-30", postcode = "BS1 5TR" });
            await client.PutAsync(new Uri("/fhir/Patient/p-13", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(Synthetic.NhsNumber(13), "Delphine", "Harrowgate")));
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/fhir/Patient/p-13", UriKind.Relative))).StatusCode);
        }

        using var second = StartServer();
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

    [StoreFact]
    public async System.Threading.Tasks.Task Patients_written_in_a_batch_are_found_by_the_next_start()
    {
        var nhs = Synthetic.NhsNumber(31);
        using (var first = StartServer())
        {
            using var client = await first.ReadyClientAsync();
            var store = first.Services.GetRequiredService<IPatientStore>();
            var written = await store.UpsertBatchAsync(
            [
                new StoredPatient("b-31", new NhsIdentity.Matching.PatientRecord { Id = "b-31", NhsNumber = nhs, GivenNames = "Ardith", FamilyName = "Quellwater", DateOfBirth = "1961-04-17", Postcode = "LS1 4AP" }, fhirJson: null),
                new StoredPatient("b-32", new NhsIdentity.Matching.PatientRecord { Id = "b-32", NhsNumber = Synthetic.NhsNumber(32), GivenNames = "Brennick", FamilyName = "Oakhollow", DateOfBirth = "1990-02-03" }, fhirJson: null),
            ], default);
            Assert.Equal(new BatchWriteCounts(Added: 2, Replaced: 0), written);
        }

        using var second = StartServer();
        using var restarted = await second.ReadyClientAsync();

        var bundle = await Synthetic.ReadAsync<Bundle>(await restarted.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(nhs)))));
        Assert.Equal("b-31", Assert.Single(bundle.Entry).Resource?.Id);
        using var ready = JsonDocument.Parse(await restarted.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        Assert.Equal(2, ready.RootElement.GetProperty("records").GetInt32());
    }

    [StoreFact]
    public async System.Threading.Tasks.Task Match_finds_a_patient_that_was_put_and_get_returns_the_resource_as_written()
    {
        using var factory = StartServer();
        using var client = await factory.ReadyClientAsync();
        var nhs = Synthetic.NhsNumber(21);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync(new Uri("/fhir/Patient/p-21", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(nhs)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync(new Uri("/fhir/Patient/p-22", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(Synthetic.NhsNumber(22), "Brennick", "Oakhollow", "1990-02-03", "M1 1AE")))).StatusCode);

        var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(nhs), count: 5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = Assert.Single((await Synthetic.ReadAsync<Bundle>(response)).Entry);
        Assert.Equal("p-21", first.Resource?.Id);
        Assert.NotNull(first.Search?.Score);
        var read = await Synthetic.ReadAsync<Patient>(await client.GetAsync(new Uri("/fhir/Patient/p-22", UriKind.Relative)));
        Assert.Equal("Oakhollow", read.Name[0].Family);
    }
}

/// <summary>The service on SQLite: a temporary file per test.</summary>
public sealed class SqliteServiceTests : ServiceStoreContract, IDisposable
{
    private readonly TempData _data = new();

    private protected override ServerFactory StartServer() => new(_data.DbPath);

    private protected override Type ExpectedStore => typeof(SqlitePatientStore);

    public void Dispose() => _data.Dispose();
}

/// <summary>The service on PostgreSQL: a fresh schema per test, dropped after (and a SQLite path that must stay
/// unused). Skipped, with the reason, where there is no PostgreSQL test server.</summary>
public sealed class PostgresServiceTests : ServiceStoreContract, IRunsOnPostgres, IAsyncLifetime, IDisposable
{
    private readonly TestSchema _schema = new();
    private readonly TempData _data = new();

    private protected override ServerFactory StartServer() => ServerFactory.OnPostgres(TestPostgres.ConnectionString, _schema.Name, _data.DbPath);

    private protected override Type ExpectedStore => typeof(PostgresPatientStore);

    public System.Threading.Tasks.Task InitializeAsync() => System.Threading.Tasks.Task.CompletedTask;

    public System.Threading.Tasks.Task DisposeAsync()
    {
        Assert.False(File.Exists(_data.DbPath), "The service wrote a SQLite file although PostgreSQL was configured.");
        return _schema.DropAsync();
    }

    public void Dispose() => _data.Dispose();
}
