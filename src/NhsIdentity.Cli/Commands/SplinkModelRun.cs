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
/// the label of the level each pair took.
/// </summary>
internal static class SplinkModelRun
{
    public static Option<FileInfo> CreateOption()
    {
        var option = new Option<FileInfo>("--splink-model")
        {
            Description = "Score with a Splink model (saved settings JSON) instead: CSV inputs whose columns are the model's, its equi-join blocking rules, term frequencies from the inputs. Takes --out, --threshold, --explain and --raw-cells only.",
        };
        option.AcceptExistingOnly();
        return option;
    }

    public static int Execute(
        string modelPath, string leftPath, string? rightPath, string? outputPath, double? threshold, bool explain, bool rawCells,
        TextWriter output, TextWriter error)
    {
        if (threshold is { } p && !(p > 0 && p <= 1))
        {
            error.WriteLine("error: --threshold must be a probability greater than 0 and at most 1.");
            return ExitCodes.Usage;
        }

        if (!OutputGuard.Allows([("--out", outputPath)],
                [(rightPath is null ? "the input" : "the left input", leftPath), ("the right input", rightPath), ("--splink-model", modelPath)], error))
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
        try
        {
            left = Read(leftPath, model);
            right = rightPath is null ? null : Read(rightPath, model);
        }
        catch (IngestionException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.Invalid;
        }

        var frequencies = model.ComputeTermFrequencies(right is null ? left : left.Concat(right));
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
