namespace NhsIdentity.Server.Storage;

/// <summary>An import into the store failed. The message names the cause, never a patient value.</summary>
public sealed class PatientStoreImportException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public PatientStoreImportException()
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    public PatientStoreImportException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public PatientStoreImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PatientStoreImportException(string message, bool storeInUse)
        : base(message) => StoreInUse = storeInUse;

    /// <summary>Gets whether another process (a running service) has the store open.</summary>
    public bool StoreInUse { get; }
}
