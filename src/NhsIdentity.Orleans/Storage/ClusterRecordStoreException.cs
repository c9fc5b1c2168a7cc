namespace NhsIdentity.Orleans.Storage;

/// <summary>The durable store under a cluster index failed (the database could not be reached, a transaction was
/// aborted). The message names the operation and the failure's type and code only, never records or connection
/// details; nothing of the failed call was committed. Travels between silos and clients with its message (Orleans
/// serialises it), so a caller can tell a store failure from a lost grain.</summary>
[GenerateSerializer]
[Alias("NhsIdentity.ClusterRecordStoreException")]
public sealed class ClusterRecordStoreException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ClusterRecordStoreException()
    {
    }

    /// <summary>Creates an exception with a message (which must not contain patient data).</summary>
    /// <param name="message">The message.</param>
    public ClusterRecordStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message (which must not contain patient data) and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterRecordStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
