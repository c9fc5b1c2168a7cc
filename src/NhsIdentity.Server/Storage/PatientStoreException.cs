namespace NhsIdentity.Server.Storage;

/// <summary>A store operation failed. The message names the operation and the database's error code, never a
/// patient value, and the database's own exception is deliberately not kept as the inner exception: PostgreSQL's
/// error details (a failing row, a conflicting key) can quote the values written, and the service logs exceptions.</summary>
internal sealed class PatientStoreException : Exception
{
    public PatientStoreException()
    {
    }

    public PatientStoreException(string message)
        : base(message)
    {
    }

    public PatientStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
