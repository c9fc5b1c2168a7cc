namespace NhsIdentity.Ingestion;

/// <summary>
/// An input that cannot be read at all: it is empty, its first row is blank, too long or has an unbalanced quote,
/// or its first row looks like data rather than a header. Rows that are merely malformed are never thrown: they are
/// rejected and counted (<see cref="RowRejection"/>).
/// </summary>
/// <remarks>Messages name positions and limits only, never a field value.</remarks>
public sealed class PatientFileFormatException : FormatException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public PatientFileFormatException()
        : base("The input could not be read as a patient extract.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong, without any field value.</param>
    public PatientFileFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong, without any field value.</param>
    /// <param name="innerException">The cause.</param>
    public PatientFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
