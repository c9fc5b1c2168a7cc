using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

/// <summary>
/// A Splink model (Splink 3, 4 or 5 saved settings JSON) loaded for scoring in .NET: its comparisons' level conditions
/// compiled from SQL once, at load, into evaluators over prepared records.
/// </summary>
/// <remarks>
/// <para>
/// Supported SQL (DuckDB's dialect, which Splink's comparison libraries write): columns as <c>name_l</c> /
/// <c>name_r</c> (quoted or bare); literals (strings, numbers, NULL, TRUE/FALSE, <c>DATE '...'</c>); <c>= == &lt;&gt;
/// != &lt; &lt;= &gt; &gt;=</c>, <c>IS [NOT] NULL</c>, <c>IS [NOT] DISTINCT FROM</c>, <c>[NOT] IN (...)</c>,
/// <c>[NOT] BETWEEN</c>, <c>AND OR NOT</c>, parentheses, <c>+ - * / % //</c>, <c>||</c>, <c>CASE WHEN ... END</c>,
/// <c>CAST</c>/<c>TRY_CAST</c>/<c>::</c> to text, number, date, timestamp or boolean; functions <c>levenshtein</c>,
/// <c>damerau_levenshtein</c>, <c>jaro_similarity</c>, <c>jaro_winkler_similarity</c>, <c>jaccard</c>, <c>abs</c>,
/// <c>date_diff</c>/<c>datediff</c> (day, week, month, year), <c>epoch</c>, <c>strptime</c>/<c>try_strptime</c>
/// (<c>%Y %m %d %H %M %S</c>), <c>substr</c>/<c>substring</c>, <c>left</c>/<c>right</c>, <c>lower</c>/<c>upper</c>,
/// <c>length</c>, <c>regexp_extract</c> (literal pattern and group), <c>nullif</c>, <c>coalesce</c>,
/// <c>least</c>/<c>greatest</c>, <c>array_length(list_intersect(a, b))</c> / <c>array_intersect</c>; and <c>ELSE</c>.
/// Anything else is a <see cref="SplinkSqlException"/> at load that quotes the condition.
/// </para>
/// <para>
/// The string distances give DuckDB's answers, which are over UTF-8 bytes (see the remarks of the internal
/// <c>DuckDbStringDistances</c>); a weight is <c>log2</c> of the clamped product of the prior odds and every Bayes
/// factor, term-frequency adjustments included, as Splink's <c>predict()</c> computes it. Immutable and thread-safe.
/// </para>
/// <para>
/// <c>MatchModel</c> cannot hold a Splink model: its comparisons are a fixed set of kinds over <c>PatientRecord</c>
/// fields with coded levels, while a Splink level is any SQL over any columns. <see cref="SplinkModel"/> is therefore
/// its own model type, scoring <see cref="SplinkRecord"/>s keyed by the model's column names.
/// </para>
/// </remarks>
public sealed partial class SplinkModel
{
    private readonly SqlExpression[] _features;
    private readonly string[] _tfColumns;

    /// <summary>The sizes of a pair's scratch for the typed conditions (<see cref="PairState"/>).</summary>
    private readonly int _truthSlots;
    private readonly int _numberSlots;

    /// <summary>Each comparison's levels as an array, for the scorer's loop.</summary>
    private readonly SplinkComparisonLevel[][] _levels;

    private SplinkModel(
        IReadOnlyList<SplinkComparison> comparisons, double probabilityTwoRandomRecordsMatch,
        IReadOnlyList<SplinkBlockingRule> blockingRules, string uniqueIdColumnName, string? linkType, SqlCompiler compiler,
        PairCompiler typed, string[] tfColumns, IReadOnlyList<string> warnings)
    {
        Warnings = warnings;
        Comparisons = comparisons;
        ProbabilityTwoRandomRecordsMatch = probabilityTwoRandomRecordsMatch;
        BlockingRules = blockingRules;
        UniqueIdColumnName = uniqueIdColumnName;
        LinkType = linkType;
        _tfColumns = tfColumns;
        _features = [.. compiler.Features];
        _levels = [.. comparisons.Select(c => c.Levels.ToArray())];
        _truthSlots = typed.TruthSlots;
        _numberSlots = typed.NumberSlots;
        Columns = [.. compiler.Columns];
    }

    /// <summary>Gets the comparisons in the model's order.</summary>
    public IReadOnlyList<SplinkComparison> Comparisons { get; }

    /// <summary>Gets <c>probability_two_random_records_match</c>, the prior.</summary>
    public double ProbabilityTwoRandomRecordsMatch { get; }

    /// <summary>Gets the prior as a weight: <c>log2(p / (1 - p))</c>.</summary>
    public double PriorWeight => Math.Log2(ProbabilityTwoRandomRecordsMatch / (1 - ProbabilityTwoRandomRecordsMatch));

    /// <summary>Gets the blocking rules, usable or not (<see cref="SplinkBlockingRule.IsSupported"/>).</summary>
    public IReadOnlyList<SplinkBlockingRule> BlockingRules { get; }

    /// <summary>Gets <c>unique_id_column_name</c> (<c>unique_id</c> when the model does not say).</summary>
    public string UniqueIdColumnName { get; }

    /// <summary>Gets <c>link_type</c> (<c>dedupe_only</c>, <c>link_only</c>, <c>link_and_dedupe</c>), when the model says.</summary>
    public string? LinkType { get; }

    /// <summary>Gets the input columns the model reads (lower case): those its conditions, tf adjustments and
    /// blocking rules name.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets what the loader had to assume, one line each: levels whose m or u probability was absent and took
    /// Splink's default (model text only).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Gets the columns that have term-frequency adjustments (lower case).</summary>
    public IReadOnlyList<string> TermFrequencyColumns => _tfColumns;

    /// <summary>Computes term-frequency tables for the model's tf columns from <paramref name="records"/>.</summary>
    /// <param name="records">Every input row (for a link, both inputs', as Splink computes them).</param>
    /// <returns>The tables.</returns>
    public SplinkTermFrequencies ComputeTermFrequencies(IEnumerable<SplinkRecord> records) =>
        SplinkTermFrequencies.Compute(records, _tfColumns);

    /// <summary>Prepares records for scoring.</summary>
    /// <param name="records">The records; each must have every column in <see cref="Columns"/> (values may be null).</param>
    /// <param name="termFrequencies">The tf tables; null computes them from <paramref name="records"/> alone.</param>
    /// <returns>The prepared records, in order.</returns>
    /// <exception cref="ArgumentException">A record lacks one of the model's columns (the message names the column).</exception>
    public SplinkRecordSet Prepare(IEnumerable<SplinkRecord> records, SplinkTermFrequencies? termFrequencies = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyList<SplinkRecord> ?? [.. records];
        termFrequencies ??= ComputeTermFrequencies(list);
        var features = new SqlValue[list.Count][];
        var packed = new long[list.Count][];
        var lists = new PreparedList?[list.Count][];
        var frequencies = new double[list.Count][];
        var ids = new object?[list.Count];
        var raw = new SqlValue[Columns.Count];
        for (var r = 0; r < list.Count; r++)
        {
            var record = list[r];
            for (var c = 0; c < Columns.Count; c++)
            {
                if (!record.HasColumn(Columns[c]))
                {
                    throw new ArgumentException($"A record has no column '{Columns[c]}', which the Splink model reads.", nameof(records));
                }

                raw[c] = SqlValue.FromObject(record[Columns[c]]);
            }

            var rows = new SqlRows(raw, raw);
            var row = new SqlValue[_features.Length];
            for (var f = 0; f < _features.Length; f++)
            {
                try
                {
                    row[f] = _features[f].Evaluate(rows);
                }
                catch (SplinkSqlException error) when (error.Error == SplinkSqlError.InvalidValue)
                {
                    row[f] = SqlValue.FromError(error);
                }
            }

            features[r] = row;
            packed[r] = PackedRow.Pack(row);
            for (var f = 0; f < row.Length; f++)
            {
                if (row[f].Kind == SqlValueKind.List)
                {
                    (lists[r] ??= new PreparedList?[row.Length])[f] = PreparedList.Of(row[f].List);
                }
            }

            var tf = new double[_tfColumns.Length];
            for (var t = 0; t < _tfColumns.Length; t++)
            {
                tf[t] = termFrequencies.Frequency(_tfColumns[t], record[_tfColumns[t]]) ?? double.NaN;
            }

            frequencies[r] = tf;
            ids[r] = record[UniqueIdColumnName];
        }

        return new SplinkRecordSet(this, features, packed, lists, frequencies, ids);
    }
}
