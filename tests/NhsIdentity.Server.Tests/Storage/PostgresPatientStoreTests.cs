using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;
using Npgsql;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary>The store contract on PostgreSQL (<see cref="TestPostgres"/>): one fresh schema per test, dropped after.
/// Skipped, with the reason, where there is no PostgreSQL test server.</summary>
public sealed class PostgresPatientStoreTests : PatientStoreContract, IRunsOnPostgres
{
    private readonly TestSchema _schema = new();

    private protected override IPatientStore OpenStore() => Track(new PostgresPatientStore(TestPostgres.ConnectionString, _schema.Name, TimeProvider.System));

    private protected override Task RemoveLocationAsync() => _schema.DropAsync();

    [StoreFact]
    public async Task A_database_error_reaches_the_caller_without_the_values_that_were_written()
    {
        var nhsNumber = Synthetic.NhsNumber(61);
        await StartAsync();
        // A constraint the service does not know about (a DBA's, say) rejects the row. With Include Error Detail on,
        // PostgreSQL's own message quotes the failing row: every value written.
        await using (var connection = await TestPostgres.OpenAsync())
        await using (var constrain = new NpgsqlCommand($"ALTER TABLE \"{_schema.Name}\".patients ADD CONSTRAINT no_p CHECK (id NOT LIKE 'p-%');", connection))
        {
            await constrain.ExecuteNonQueryAsync();
        }

        var detailed = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { IncludeErrorDetail = true }.ConnectionString;
        var store = Track(new PostgresPatientStore(detailed, _schema.Name, TimeProvider.System));
        var patient = new StoredPatient("p-61", new Matching.PatientRecord { NhsNumber = nhsNumber, GivenNames = "Orlaith", FamilyName = "Vanterpool", DateOfBirth = "1948-11-05" }, fhirJson: null);

        var failure = await Assert.ThrowsAsync<PatientStoreException>(() => store.UpsertAsync(patient, default));

        foreach (var value in new[] { nhsNumber, "Orlaith", "Vanterpool", "1948-11-05" })
        {
            Assert.DoesNotContain(value, failure.ToString(), StringComparison.Ordinal);
        }

        Assert.Null(failure.InnerException);
        Assert.Contains("SQLSTATE 23514", failure.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Sessions_commit_synchronously_even_for_a_role_configured_not_to_and_after_a_pool_reset()
    {
        var role = "nhsid_test_role_" + Guid.NewGuid().ToString("N");
        await using var admin = await TestPostgres.OpenAsync();
        await ExecuteAsync(admin, $"CREATE ROLE \"{role}\" LOGIN; ALTER ROLE \"{role}\" SET synchronous_commit = off;");
        try
        {
            var asRole = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Username = role, Password = null, Pooling = false }.ConnectionString;
            Assert.Equal("off", await SynchronousCommitAsync(asRole));

            // DISCARD ALL is what Npgsql sends when a pooled connection is reused.
            Assert.Equal("on", await SynchronousCommitAsync(PostgresPatientStore.WithDurableCommits(asRole)));
            var explicitChoice = new NpgsqlConnectionStringBuilder(asRole) { Options = "-c synchronous_commit=local" }.ConnectionString;
            Assert.Equal("local", await SynchronousCommitAsync(PostgresPatientStore.WithDurableCommits(explicitChoice)));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{role}\";");
        }
    }

    private static async Task<string> SynchronousCommitAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DISCARD ALL;");
        await using var show = new NpgsqlCommand("SHOW synchronous_commit;", connection);
        return (string)(await show.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>What the PostgreSQL store refuses before it ever connects (no server needed).</summary>
public sealed class PostgresPatientStoreSettingsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("NhsIdentity")]
    [InlineData("nhsidentity; DROP TABLE patients")]
    [InlineData("nhs\"identity")]
    [InlineData("1nhsidentity")]
    public void A_schema_name_that_is_not_a_plain_lower_case_identifier_is_refused(string schema)
    {
        var refused = Assert.Throws<ArgumentException>(() => new PostgresPatientStore("Host=127.0.0.1;Port=1", schema, TimeProvider.System));
        Assert.Equal("schema", refused.ParamName);
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_is_refused_without_being_quoted()
    {
        var refused = Assert.Throws<ArgumentException>(() => new PostgresPatientStore("Host=127.0.0.1;Password=pw-0f-a-test;Port=not-a-port-pw", "nhsidentity", TimeProvider.System));
        Assert.DoesNotContain("pw", refused.ToString(), StringComparison.Ordinal);
    }
}
