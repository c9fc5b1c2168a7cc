using Npgsql;

namespace NhsIdentity.Tests.Shared;

// One file for every test project that needs PostgreSQL (linked by each .csproj, not copied).

/// <summary>The PostgreSQL server the PostgreSQL stores' tests run against: the Npgsql connection string in the
/// <c>NHSID_TEST_POSTGRES</c> environment variable (<c>.ci/run</c> starts a throw-away cluster and sets it). Where it
/// is unset or the server cannot be reached, those tests are skipped with a message saying so.</summary>
internal static class TestPostgres
{
    public const string Variable = "NHSID_TEST_POSTGRES";

    private static readonly Lazy<string?> Skip = new(FindSkipReason);

    /// <summary>The connection string; only read by tests that are not skipped.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : throw new InvalidOperationException(SkipReason);

    /// <summary>Why PostgreSQL tests are skipped here, or <see langword="null"/> when the server answers.</summary>
    public static string? SkipReason => Skip.Value;

    /// <summary>A connection to the test server, for setting up and checking what the store did.</summary>
    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string? FindSkipReason()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"PostgreSQL not configured: set {Variable} to an Npgsql connection string (.ci/run starts a throw-away cluster and sets it)";
        }

        try
        {
            // A short timeout so an unreachable server costs discovery seconds, not the default 15.
            var builder = new NpgsqlConnectionStringBuilder(value) { Timeout = 5 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException or TimeoutException)
        {
            // The connection string itself is not repeated: it may hold a password.
            // Nor the driver's message: an ArgumentException about the string can quote it.
            var code = exception is PostgresException postgres ? $", SQLSTATE {postgres.SqlState}" : "";
            return $"PostgreSQL not reachable with {Variable} ({exception.GetType().Name}{code})";
        }
    }
}

/// <summary>A fact that needs the PostgreSQL test server; skipped with a clear message where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A schema of its own for one test class instance, to drop (with everything in it) afterwards.</summary>
internal sealed class TestSchema
{
    public string Name { get; } = "nhsid_test_" + Guid.NewGuid().ToString("N");

    public async Task DropAsync()
    {
        await using var connection = await TestPostgres.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A theory that needs the PostgreSQL test server; skipped with a clear message where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
