using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary>The store contract on SQLite: one temporary file per test.</summary>
public sealed class SqlitePatientStoreTests : PatientStoreContract
{
    private readonly TempData _data = new();

    private protected override IPatientStore OpenStore() => Track(new SqlitePatientStore(_data.DbPath, TimeProvider.System));

    private protected override Task RemoveLocationAsync()
    {
        _data.Dispose();
        return Task.CompletedTask;
    }
}
