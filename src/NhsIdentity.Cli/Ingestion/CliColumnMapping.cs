namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// The library's <see cref="ColumnMapping"/> as the tool uses it: a bad override is a usage error naming
/// <c>--map</c> (<see cref="IngestionException.IsUsageError"/>), so every command reports it the same way.
/// </summary>
internal static class CliColumnMapping
{
    /// <summary>Maps a header (see <see cref="ColumnMapping.Create"/>).</summary>
    /// <param name="header">The header cells.</param>
    /// <param name="overrides">The <c>--map</c> texts that must apply, or <see langword="null"/>.</param>
    /// <param name="lenientOverrides">The <c>--map</c> texts that apply only when the file has the column, or
    /// <see langword="null"/>.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="IngestionException">A <c>--map</c> cannot be applied (a usage error).</exception>
    public static ColumnMapping Create(IReadOnlyList<string> header, IReadOnlyList<string>? overrides = null, IReadOnlyList<string>? lenientOverrides = null)
    {
        try
        {
            return ColumnMapping.Create(header, overrides, lenientOverrides);
        }
        catch (ColumnOverrideException exception)
        {
            throw UsageError(exception);
        }
    }

    /// <summary>The field a <c>--map</c> text names.</summary>
    /// <param name="text">A <c>FIELD=COLUMN</c> text.</param>
    /// <returns>The field.</returns>
    /// <exception cref="IngestionException">The text is malformed or names no field (a usage error).</exception>
    public static PatientField FieldOf(string text)
    {
        try
        {
            return ColumnMapping.FieldOf(text);
        }
        catch (ColumnOverrideException exception)
        {
            throw UsageError(exception);
        }
    }

    private static IngestionException UsageError(ColumnOverrideException exception) =>
        new("--map " + exception.Override + ": " + exception.Reason, exception) { IsUsageError = true };
}
