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

    public void Dispose() => _data.Dispose();
}
