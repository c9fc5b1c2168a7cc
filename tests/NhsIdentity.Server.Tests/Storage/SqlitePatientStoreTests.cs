using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary>The store contract on SQLite: one temporary file per test.</summary>
public sealed class SqlitePatientStoreTests : PatientStoreContract, IDisposable
{
    private readonly TempData _data = new();

    private protected override IPatientStore OpenStore() => Track(new SqlitePatientStore(_data.DbPath, TimeProvider.System));

    // The file goes in Dispose, which xunit calls after DisposeAsync has closed the stores.
    private protected override Task RemoveLocationAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_store_keeps_patients_in_id_order_on_disk_so_reading_them_all_is_one_pass()
    {
        await OpenStore().InitializeAsync(default);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_data.DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var schema = connection.CreateCommand();
        schema.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'patients';";
        var sql = (string?)await schema.ExecuteScalarAsync();

        // A WITHOUT ROWID table is its primary key's b-tree: ORDER BY id reads it front to back.
        Assert.EndsWith("WITHOUT ROWID", sql?.TrimEnd(), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
