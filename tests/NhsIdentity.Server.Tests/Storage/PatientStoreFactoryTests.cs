using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary>How the settings choose the store, and that the PostgreSQL connection string (a secret) stays out of
/// the logs. No PostgreSQL server needed: the one named here does not exist.</summary>
public sealed class PatientStoreFactoryTests : IDisposable
{
    private const string Password = "pw-7731-must-not-leak";
    private static readonly string Unreachable = $"Host=127.0.0.1;Port=1;Username=nobody;Password={Password};Timeout=3";

    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Without_a_connection_string_the_store_is_the_sqlite_file_and_with_one_it_is_postgresql()
    {
        Assert.IsType<SqlitePatientStore>(PatientStoreFactory.Create(new ServerOptions { DataPath = _data.DbPath }, TimeProvider.System));
        Assert.IsType<SqlitePatientStore>(PatientStoreFactory.Create(new ServerOptions { DataPath = _data.DbPath, PostgresConnectionString = " " }, TimeProvider.System));

        // Choosing PostgreSQL connects to nothing yet (the server above does not exist) and creates no SQLite file.
        using var postgres = Assert.IsType<PostgresPatientStore>(PatientStoreFactory.Create(new ServerOptions { DataPath = _data.DbPath, PostgresConnectionString = Unreachable }, TimeProvider.System));
        Assert.False(File.Exists(_data.DbPath));
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_leaves_the_service_not_ready_and_the_connection_string_out_of_the_logs()
    {
        var factory = ServerFactory.OnPostgres(Unreachable, "nhsidentity", _data.DbPath);
        try
        {
            using var client = factory.CreateClient();
            var failure = await Assert.ThrowsAsync<PatientStoreException>(() => factory.Services.GetRequiredService<IdentityIndex>().Loaded);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            // Stopping the host waits for the loader, so its failure line is in the log before the log is read.
            factory.Dispose();
        }

        Assert.Contains(factory.Logs.Lines, l => l.Message.Contains("store failed (PatientStoreException)", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Message.Contains(Password, StringComparison.Ordinal) || l.Message.Contains("Username=nobody", StringComparison.Ordinal));
    }
}
