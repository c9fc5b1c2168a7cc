using Npgsql;

namespace NhsIdentity.Shared;

// One file for every package with a PostgreSQL store (linked by each .csproj, not copied): the service's patient store
// and the cluster's record store fail the same way and must say as little.

/// <summary>Runs a store operation and replaces an Npgsql failure with the store's own exception, whose message names
/// the exception type, PostgreSQL's error code (SQLSTATE) and the cause's type only: never a value, a statement or
/// the connection string.</summary>
internal static class PostgresGuard
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> action, Func<string, Exception> failure)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw failure(Describe(exception));
        }
    }

    public static async Task RunAsync(Func<Task> action, Func<string, Exception> failure)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw failure(Describe(exception));
        }
    }

    /// <summary>For example <c>PostgresException, SQLSTATE 42P01</c> or <c>NpgsqlException, caused by SocketException</c>.</summary>
    public static string Describe(NpgsqlException exception)
    {
        var code = exception is PostgresException postgres ? $", SQLSTATE {postgres.SqlState}" : "";
        var cause = exception.InnerException is { } inner ? $", caused by {inner.GetType().Name}" : "";
        return exception.GetType().Name + code + cause;
    }
}
