using Npgsql;

namespace NhsIdentity.Server.Cluster;

/// <summary>Creates Orleans' membership tables and queries in PostgreSQL (<c>OrleansMembership.PostgreSQL.sql</c>,
/// embedded), which the ADO.NET clustering provider needs and does not create itself.</summary>
internal static class OrleansMembershipSchema
{
    /// <summary>An arbitrary constant naming the advisory lock nodes starting together take turns on.</summary>
    private const long SchemaLock = 0x4E48_5349_444F_524C; // "NHSIDORL"

    /// <summary>Runs the script in one transaction under the advisory lock; safe to run on every start.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue(SchemaLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var script = new NpgsqlCommand(Script(), connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The embedded script's text.</summary>
    internal static string Script()
    {
        using var stream = typeof(OrleansMembershipSchema).Assembly.GetManifestResourceStream("NhsIdentity.Server.Cluster.OrleansMembership.PostgreSQL.sql")
            ?? throw new InvalidOperationException("The membership script is not embedded in the service.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
