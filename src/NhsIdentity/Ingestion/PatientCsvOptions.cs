namespace NhsIdentity.Ingestion;

/// <summary>
/// How <see cref="PatientCsvReader"/> reads CSV. Every property has a working default, documented on it; the
/// <c>init</c> accessors validate, so a <c>with</c> copy cannot hold a bad value.
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record PatientCsvOptions
{
    /// <summary>The default <see cref="MaxFieldLength"/>: 65,536 characters (64 KB), far above any demographic field
    /// and small enough that a runaway field is caught as one.</summary>
    public const int DefaultMaxFieldLength = 65_536;

    /// <summary>The default <see cref="MaxRowLength"/>: 4,194,304 characters (4 M): a row no extract writes, so a
    /// longer one is a stray quote or a file that is not CSV.</summary>
    public const int DefaultMaxRowLength = 4 * 1024 * 1024;

    private readonly int maxFieldLength = DefaultMaxFieldLength;
    private readonly int maxRowLength = DefaultMaxRowLength;
    private readonly IReadOnlyList<string> overrides = [];
    private readonly IReadOnlyList<string> lenientOverrides = [];
    private readonly char? separator;

    /// <summary>Gets the <c>FIELD=COLUMN</c> overrides that must apply (see <see cref="ColumnMapping.Create"/>).
    /// Default: none.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public IReadOnlyList<string> Overrides
    {
        get => overrides;
        init => overrides = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets the <c>FIELD=COLUMN</c> overrides that apply only when the header has the column (one set given
    /// to several files). Default: none.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public IReadOnlyList<string> LenientOverrides
    {
        get => lenientOverrides;
        init => lenientOverrides = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Gets the field separator, or <see langword="null"/> (the default) to infer it from the header row: the most
    /// frequent of comma, semicolon, tab and pipe outside quotes (comma on a tie or when there is none).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a quote, a line break or a space.</exception>
    public char? Separator
    {
        get => separator;
        init => separator = value is '"' or '\r' or '\n' or ' '
            ? throw new ArgumentOutOfRangeException(nameof(value), "A separator cannot be a quote, a line break or a space.")
            : value;
    }

    /// <summary>Gets the longest field accepted, in characters as written (quotes included); a row with a longer
    /// field is rejected (<see cref="RejectionReason.FieldTooLong"/>). Default <see cref="DefaultMaxFieldLength"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int MaxFieldLength
    {
        get => maxFieldLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            maxFieldLength = value;
        }
    }

    /// <summary>
    /// Gets the longest row kept, in characters; a longer row is rejected (<see cref="RejectionReason.RowTooLong"/>)
    /// without being kept in memory, and reading goes on after it, so memory stays bounded by this limit whatever
    /// the input. Default <see cref="DefaultMaxRowLength"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int MaxRowLength
    {
        get => maxRowLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            maxRowLength = value;
        }
    }

    /// <summary>
    /// Gets a value indicating whether the input has no header row: the first row is data, the columns are named by
    /// their 1-based position (<c>1</c>, <c>2</c>, ...) and the overrides must name them (<c>nhs_number=2</c>).
    /// Default <see langword="false"/>.
    /// </summary>
    public bool NoHeader { get; init; }
}
