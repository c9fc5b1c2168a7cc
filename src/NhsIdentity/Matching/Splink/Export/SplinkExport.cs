namespace NhsIdentity.Matching.Splink;

/// <summary>
/// A <see cref="MatchModel"/> written as Splink 4 settings (<see cref="MatchModel.ToSplink"/>): the JSON, and the
/// levels its SQL cannot reproduce exactly.
/// </summary>
/// <remarks>
/// <para>The SQL reads the columns of a <see cref="SplinkPreparedTable"/> (<c>nhsid prepare</c> writes them to Parquet):
/// load that table as Splink's input, with <c>unique_id</c> as the id, and register the table's <c>tf_given_name</c>,
/// <c>tf_family_name</c> and <c>tf_postcode</c> as term-frequency lookups to reproduce NhsIdentity's adjustments
/// exactly (letting Splink measure them gives the same frequencies over the same records, rounded differently).</para>
/// <para>Each level's <c>m_probability</c> is <c>u · 2^w</c>, where <c>w</c> is the level's weight as NhsIdentity
/// scores with it (stored in single precision), so Splink's <c>log2(m / u)</c> is that weight; it differs from the
/// trained m by less than one part in ten million.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed class SplinkExport
{
    internal SplinkExport(string json, IReadOnlyList<SplinkExportNote> inexactLevels, IReadOnlyList<string> columns)
    {
        Json = json;
        InexactLevels = inexactLevels;
        Columns = columns;
    }

    /// <summary>Gets the Splink settings JSON (indented).</summary>
    public string Json { get; }

    /// <summary>Gets the levels whose SQL is not exactly NhsIdentity's comparison, each with the reason; empty when
    /// the settings reproduce every weight.</summary>
    public IReadOnlyList<SplinkExportNote> InexactLevels { get; }

    /// <summary>Gets the prepared columns the settings read (as <see cref="SplinkPreparedTable"/> names them).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc/>
    public override string ToString() => $"SplinkExport({Columns.Count} columns, {InexactLevels.Count} inexact levels)";
}
