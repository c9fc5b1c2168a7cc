using Npgsql;

namespace NhsIdentity.Orleans.Tests;

/// <summary>The PostgreSQL server the PostgreSQL store's tests run against: the Npgsql connection string in the
/// <c>NHSID_TEST_POSTGRES</c> environment variable (<c>.ci/run</c> starts a throw-away cluster and sets it), as the
/// identity service's store tests use. Where it is unset or unreachable those tests are skipped, saying why.</summary>
internal static class TestPostgres
{
    public const string Variable = "NHSID_TEST_POSTGRES";

    private static readonly Lazy<string?> Skip = new(FindSkipReason);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : throw new InvalidOperationException(SkipReason);

    public static string? SkipReason => Skip.Value;

    private static string? FindSkipReason()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"PostgreSQL not configured: set {Variable} to an Npgsql connection string (.ci/run starts a throw-away cluster and sets it)";
        }

        try
        {
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
