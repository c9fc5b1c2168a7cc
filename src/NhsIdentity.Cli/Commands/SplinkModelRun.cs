using System.CommandLine;
using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching.Splink;
using nietras.SeparatedValues;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid link|dedupe ... --splink-model settings.json</c>: scores the inputs with a Splink model instead of an
/// NhsIdentity one. The CSV inputs' columns are the model's columns by name (case-insensitive; an empty cell is NULL,
/// as DuckDB's <c>read_csv</c> reads it); term frequencies come from the inputs (both, for a link); the model's
/// equi-join blocking rules give the pairs (other rules are named on standard error and skipped). Writes
/// <c>left_id,right_id,match_weight,match_probability</c>, and with <c>--explain</c> one column per comparison holding
/// the label of the level each pair took. <c>--splink-tf FILE</c> supplies a column's term frequencies instead, as
/// Splink's <c>__splink__df_tf_NAME</c> tables hold them: a header <c>NAME,tf_NAME</c> and one row per value.
/// </summary>
internal static class SplinkModelRun
{
    public static Option<FileInfo> CreateOption()
    {
        var option = new Option<FileInfo>("--splink-model")
        {
            Description = "Score with a Splink model (saved settings JSON) instead: CSV inputs whose columns are the model's, its equi-join blocking rules, term frequencies from the inputs. Takes --splink-tf, --out, --threshold, --explain and --raw-cells only.",
        };
        option.AcceptExistingOnly();
        return option;
    }

    public static Option<FileInfo[]> CreateTermFrequencyOption()
    {
        var option = new Option<FileInfo[]>("--splink-tf")
        {
            Description = "With --splink-model: a term-frequency table to use instead of computing one from the inputs (CSV with header NAME,tf_NAME, a row per value, as Splink's __splink__df_tf_NAME). Repeat for more columns.",
        };
        option.AcceptExistingOnly();
        return option;
    }

    public static int Execute(
        string modelPath, string leftPath, string? rightPath, string? outputPath, double? threshold, bool explain, bool rawCells,
        IReadOnlyList<string> termFrequencyPaths, TextWriter output, TextWriter error)
    {
        if (threshold is { } p && !(p > 0 && p <= 1))
        {
            error.WriteLine("error: --threshold must be a probability greater than 0 and at most 1.");
            return ExitCodes.Usage;
        }

        if (!OutputGuard.Allows([("--out", outputPath)],
                [(rightPath is null ? "the input" : "the left input", leftPath), ("the right input", rightPath), ("--splink-model", modelPath),
                    .. termFrequencyPaths.Select(path => ("--splink-tf", (string?)path))], error))
        {
            return ExitCodes.Usage;
        }

        SplinkModel model;
        try
        {
            model = SplinkModel.Load(modelPath);
        }
        catch (SplinkSqlException exception)
        {
            // The message quotes model text only (a condition or rule), never a record's value.
            error.WriteLine($"error: the Splink model cannot be used ({exception.Error}): {exception.Message}");
            return ExitCodes.Invalid;
        }

        foreach (var warning in model.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        foreach (var rule in model.BlockingRules.Where(r => !r.IsSupported))
        {
            error.WriteLine($"warning: blocking rule skipped ({rule.Reason}): {rule.Rule}");
        }

        if (!model.BlockingRules.Any(r => r.IsSupported))
        {
            error.WriteLine("error: the Splink model has no blocking rule of the form l.a = r.a AND ...; without one every pair would be compared.");
            return ExitCodes.Invalid;
        }

        List<SplinkRecord> left;
        List<SplinkRecord>? right;
        SplinkTermFrequencies frequencies;
        try
        {
            left = Read(leftPath, model);
            right = rightPath is null ? null : Read(rightPath, model);
            var supplied = termFrequencyPaths.Select(path => (Path: path, Column: TermFrequencyColumnOf(path, model))).ToList();
            var computed = model.TermFrequencyColumns.Where(c => !supplied.Any(s => s.Column == c));
            frequencies = SplinkTermFrequencies.Compute(right is null ? left : left.Concat(right), computed);
            foreach (var (path, column) in supplied)
            {
                ReadTermFrequencies(path, column, frequencies);
            }
        }
        catch (IngestionException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.Invalid;
        }

        var leftSet = model.Prepare(left, frequencies);
        var rightSet = right is null ? null : model.Prepare(right, frequencies);
        long compared = 0;
        long written = 0;
        using var file = outputPath is null ? null : new AtomicFileWriter(outputPath);
        var writer = file?.Writer ?? output;
        writer.Write("left_id,right_id,match_weight,match_probability");
        if (explain)
        {
            foreach (var comparison in model.Comparisons)
            {
                writer.Write(',');
                CsvText.WriteField(writer, Cell(comparison.Name, rawCells));
            }
        }

        writer.WriteLine();
        try
        {
            foreach (var (i, j) in model.CandidatePairs(leftSet, rightSet))
            {
                compared++;
                var score = model.Score(leftSet, i, rightSet ?? leftSet, j);
                if (threshold is { } minimum && score.MatchProbability < minimum)
                {
                    continue;
                }

                written++;
                CsvText.WriteField(writer, Cell(Convert.ToString(leftSet.Id(i), CultureInfo.InvariantCulture), rawCells));
                writer.Write(',');
                CsvText.WriteField(writer, Cell(Convert.ToString((rightSet ?? leftSet).Id(j), CultureInfo.InvariantCulture), rawCells));
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{score.MatchWeight:R},{score.MatchProbability:R}"));
                if (explain)
                {
                    foreach (var part in score.Comparisons)
                    {
                        writer.Write(',');
                        CsvText.WriteField(writer, Cell(part.Level?.Label ?? "none", rawCells));
                    }
                }

                writer.WriteLine();
            }
        }
        catch (SplinkSqlException exception)
        {
            error.WriteLine($"error: a level condition failed on a pair, as it would in DuckDB ({exception.Error}): {exception.Message}");
            return ExitCodes.Invalid;
        }

        file?.Commit();
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"splink model: {model.Comparisons.Count} comparisons; records: {left.Count}{(right is null ? string.Empty : $" + {right.Count}")}; pairs compared: {compared}; written: {written}"));
        return ExitCodes.Success;
    }

    /// <summary>The tf column a supplied table is for: its header's first name, which must be one of the model's.</summary>
    private static string TermFrequencyColumnOf(string path, SplinkModel model)
    {
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
            var names = reader.Header.ColNames;
            var column = names.Count == 2 ? names[0].Trim().ToLowerInvariant() : null;
            if (column is null || !string.Equals(names[1].Trim(), "tf_" + column, StringComparison.OrdinalIgnoreCase))
            {
                throw new IngestionException($"{Path.GetFileName(path)}: a term-frequency table has the header NAME,tf_NAME.");
            }

            return model.TermFrequencyColumns.Contains(column)
                ? column
                : throw new IngestionException($"{Path.GetFileName(path)}: the Splink model makes no term-frequency adjustment on '{column}'.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new IngestionException($"{Path.GetFileName(path)} could not be read as CSV: {exception.GetType().Name}.", exception);
        }
    }

    private static void ReadTermFrequencies(string path, string column, SplinkTermFrequencies frequencies)
    {
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
            foreach (var row in reader)
            {
                var value = row[0].ToString();
                if (value.Length == 0)
                {
                    continue; // NULL has no frequency.
                }

                if (!double.TryParse(row[1].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var frequency) || !(frequency is > 0 and <= 1))
                {
                    throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(path)}, line {row.RowIndex + 1}: a frequency must be a number above 0 and at most 1."));
                }

                frequencies.Set(column, value, frequency);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new IngestionException($"{Path.GetFileName(path)} could not be read as CSV: {exception.GetType().Name}.", exception);
        }
    }

    private static string? Cell(string? value, bool rawCells) => rawCells ? value : CsvInjection.Neutralise(value);

    private static List<SplinkRecord> Read(string path, SplinkModel model)
    {
        var records = new List<SplinkRecord>();
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
            var names = reader.Header.ColNames;
            var missing = model.Columns.FirstOrDefault(c => !names.Any(n => string.Equals(n.Trim(), c, StringComparison.OrdinalIgnoreCase)));
            if (missing is not null)
            {
                throw new IngestionException($"{Path.GetFileName(path)} has no column '{missing}', which the Splink model reads.");
            }

            foreach (var row in reader)
            {
                var values = new Dictionary<string, object?>(names.Count, StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < names.Count; c++)
                {
                    var text = row[c].ToString();
                    values[names[c].Trim()] = text.Length == 0 ? null : text;
                }

                records.Add(new SplinkRecord(values));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new IngestionException($"{Path.GetFileName(path)} could not be read as CSV: {exception.GetType().Name}.", exception);
        }

        return records;
    }
}
