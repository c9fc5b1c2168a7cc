using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary><c>nhsid import --postgres</c>'s entry point: records stored in the PostgreSQL store's tables as the
/// service stores them (so a service started on that database indexes them), replaced on a second import, and
/// failures that never show the connection string.</summary>
public sealed class PostgresImporterTests : IAsyncLifetime
{
    private readonly TestSchema _schema = new();

    [PostgresFact]
    public async Task Imported_records_are_what_the_service_reads_back_and_a_second_import_replaces_them()
    {
        await using (var importer = await PatientStoreImporter.OpenPostgresAsync(TestPostgres.ConnectionString, _schema.Name, default))
        {
            Assert.Equal(new BatchWriteCounts(2, 0), await importer.WriteAsync([Record("p-1", "Ardith"), Record("p-2", "Brannoc")], default));
            Assert.Equal(new BatchWriteCounts(1, 1), await importer.WriteAsync([Record("p-2", "Cedric"), Record("p-3", "Dilys")], default));
        }

        await using var store = new PostgresPatientStore(TestPostgres.ConnectionString, _schema.Name, TimeProvider.System);
        var stored = new List<StoredPatient>();
        await foreach (var patient in store.ReadAllAsync(default))
        {
            stored.Add(patient);
        }

        Assert.Equal(["p-1", "p-2", "p-3"], stored.Select(p => p.Id));
        Assert.Equal(Record("p-2", "Cedric"), stored[1].Record);
        Assert.All(stored, p => Assert.Null(p.FhirJson));
    }

    [PostgresFact]
    public async Task A_record_without_an_id_is_refused_and_nothing_of_its_batch_is_written()
    {
        await using var importer = await PatientStoreImporter.OpenPostgresAsync(TestPostgres.ConnectionString, _schema.Name, default);

        await Assert.ThrowsAsync<ArgumentException>(() => importer.WriteAsync([Record("p-1", "Ardith"), Record("p-2", "Brannoc") with { Id = null }], default));

        await using var store = new PostgresPatientStore(TestPostgres.ConnectionString, _schema.Name, TimeProvider.System);
        Assert.Null(await store.GetAsync("p-1", default));
    }

    [Fact]
    public async Task An_unreachable_or_malformed_database_fails_with_a_message_that_holds_no_part_of_the_connection_string()
    {
        // Port 1 on loopback refuses at once; the password must not appear in what the caller (and its log) sees.
        const string Secret = "s3cret-Pa55word";
        var refused = await Assert.ThrowsAsync<PatientStoreImportException>(() =>
            PatientStoreImporter.OpenPostgresAsync($"Host=127.0.0.1;Port=1;Username=nobody;Password={Secret};Timeout=2", "nhsidentity", default));
        Assert.DoesNotContain(Secret, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.StoreInUse);

        var malformed = await Assert.ThrowsAsync<PatientStoreImportException>(() =>
            PatientStoreImporter.OpenPostgresAsync($"Host=127.0.0.1;Password={Secret};NotAnOption=1", "nhsidentity", default));
        Assert.DoesNotContain(Secret, malformed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => PatientStoreImporter.OpenPostgresAsync("Host=127.0.0.1", "Not A Schema", default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            await _schema.DropAsync();
        }
    }

    private static PatientRecord Record(string id, string given) => new()
    {
        Id = id, NhsNumber = "999 000 0018", GivenNames = given, FamilyName = "Pemberton", DateOfBirth = "1987-03-04", Sex = "F",
        Postcode = "LS1 4AP",
    };
}
