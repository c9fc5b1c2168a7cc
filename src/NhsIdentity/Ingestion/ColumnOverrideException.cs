namespace NhsIdentity.Ingestion;

/// <summary>
/// A <c>FIELD=COLUMN</c> override given to <see cref="ColumnMapping.Create"/> that cannot be applied: it is
/// malformed, names an unknown field or a column the header lacks, or contradicts another override.
/// </summary>
/// <remarks>
/// The message names the override, fields and header cells only (column names, never a field value). A header cell
/// is normally a column name; when a file without a header is read, the columns are named by position.
/// </remarks>
public sealed class ColumnOverrideException : ArgumentException
{
    private readonly string? reason;

    /// <summary>Initializes a new instance with a default message.</summary>
    public ColumnOverrideException()
        : base("A column override could not be applied.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong, without any field value.</param>
    public ColumnOverrideException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong, without any field value.</param>
    /// <param name="innerException">The cause.</param>
    public ColumnOverrideException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for one override.</summary>
    /// <param name="overrideText">The <c>FIELD=COLUMN</c> text, or <see langword="null"/>.</param>
    /// <param name="error">What is wrong with it.</param>
    /// <param name="reason">What is wrong, in words, without any field value; it becomes <see cref="Reason"/>.</param>
    public ColumnOverrideException(string? overrideText, ColumnOverrideError error, string reason)
        : base("Column override '" + overrideText + "': " + reason)
    {
        Override = overrideText;
        Error = error;
        this.reason = reason;
    }

    /// <summary>Gets the <c>FIELD=COLUMN</c> text at fault, or <see langword="null"/> when not known.</summary>
    public string? Override { get; }

    /// <summary>Gets what is wrong with the override.</summary>
    public ColumnOverrideError Error { get; }

    /// <summary>Gets what is wrong, in words, without the override's text (for callers that name the override their
    /// own way, as the CLI does with <c>--map</c>); the message when not built for one override.</summary>
    public string Reason => reason ?? Message;
}

/// <summary>Why a <c>FIELD=COLUMN</c> override cannot be applied (<see cref="ColumnOverrideException.Error"/>).</summary>
public enum ColumnOverrideError
{
    /// <summary>Not known (the exception was not built for one override).</summary>
    Unknown,

    /// <summary>Not <c>FIELD=COLUMN</c>: no <c>=</c>, or nothing before it.</summary>
    Malformed,

    /// <summary>FIELD is not a standard field name (<see cref="PatientFieldNames"/>).</summary>
    UnknownField,

    /// <summary>The header has no such column.</summary>
    UnknownColumn,

    /// <summary>COLUMN is no exact header cell and matches two cells once normalised.</summary>
    AmbiguousColumn,

    /// <summary>A single-valued field is given two columns.</summary>
    FieldGivenTwoColumns,

    /// <summary>One column is given to two fields.</summary>
    ColumnGivenTwoFields,
}
