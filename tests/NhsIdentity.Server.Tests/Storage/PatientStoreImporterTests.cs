using Microsoft.Data.Sqlite;
using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary>The bulk-load entry point <c>nhsid import</c> uses: records stored as the service stores them, and no
/// write while another process (a running service) has the file open.</summary>
public sealed class PatientStoreImporterTests : IDisposable
{
    private readonly TempData _data = new();

    [Fact]
    public async Task Imported_records_are_stored_under_their_ids_as_a_put_would_store_them()
    {
        var importer = await PatientStoreImporter.OpenSqliteAsync(_data.DbPath, default);

        var counts = await importer.WriteAsync([Record("m-1", "Ardith"), Record("m-2", "Brannoc")], default);

        Assert.Equal(new BatchWriteCounts(2, 0), counts);
        var stored = await new SqlitePatientStore(_data.DbPath, TimeProvider.System).GetAsync("m-2", default);
        Assert.Equal(Record("m-2", "Brannoc"), stored?.Record);
        Assert.Null(stored?.FhirJson);
    }

    [Fact]
    public async Task A_record_without_an_id_is_refused_before_anything_is_written()
    {
        var importer = await PatientStoreImporter.OpenSqliteAsync(_data.DbPath, default);

        await Assert.ThrowsAsync<ArgumentException>(() => importer.WriteAsync([Record("m-1", "Ardith"), Record("m-2", "Brannoc") with { Id = null }], default));

        Assert.Null(await new SqlitePatientStore(_data.DbPath, TimeProvider.System).GetAsync("m-1", default));
    }

    [Fact]
    public async Task A_write_fails_as_store_in_use_while_another_connection_has_the_file_open()
    {
        var importer = await PatientStoreImporter.OpenSqliteAsync(_data.DbPath, default);
        // A running service's connection, held open as its pool holds one (an unpooled one here: other tests clear
        // the pools, which would close a pooled connection under this test).
        await using var service = new SqliteConnection($"Data Source={_data.DbPath};Pooling=False");
        await service.OpenAsync();
        await using (var read = service.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM patients;";
            Assert.Equal(0L, await read.ExecuteScalarAsync());
        }

        var refused = await Assert.ThrowsAsync<PatientStoreImportException>(() => importer.WriteAsync([Record("m-1", "Ardith")], default));

        Assert.True(refused.StoreInUse);
        await service.CloseAsync();
        Assert.Null(await new SqlitePatientStore(_data.DbPath, TimeProvider.System).GetAsync("m-1", default));
    }

    public void Dispose() => _data.Dispose();

    private static PatientRecord Record(string id, string given) =>
        new() { Id = id, NhsNumber = Synthetic.NhsNumber(id.Length + given.Length), GivenNames = given, FamilyName = "Quellwater", DateOfBirth = "1961-04-17" };
}
