namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// A CSV file or a column mapping that cannot be used at all: a missing file, an empty file, a header that cannot be
/// read, a <c>--map</c> that names an unknown field or column. Rows that are merely malformed are rejected and counted
/// instead (<see cref="RowRejection"/>), never thrown.
/// </summary>
/// <remarks>
/// Messages name files, line numbers and column names only, never a field value: a value may be patient data.
/// </remarks>
internal sealed class IngestionException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public IngestionException()
        : base("The CSV input could not be read.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong, without any field value.</param>
    public IngestionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong, without any field value.</param>
    /// <param name="innerException">The cause. Its message is not shown to users: a CSV library may quote the row.</param>
    public IngestionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets a value indicating whether the problem is in the command line (a bad <c>--map</c>), not the data.</summary>
    public bool IsUsageError { get; init; }
}
