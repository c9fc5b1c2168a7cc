using System.CommandLine;
using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// What <c>link</c>, <c>dedupe</c> and <c>train</c> share: the options that say how to read supplier CSV files, and
/// reading them into a <see cref="RecordSet"/> with the mapping and the counts reported on standard error (column
/// names and counts only, never values).
/// </summary>
internal sealed class MatchingInputs
{
    public Option<string[]> Map { get; } = new("--map")
    {
        Description = "Map a field to a column, FIELD=COLUMN (fields: id, nhs_number, given_name, middle_names, family_name, date_of_birth, sex, postcode, address, local_id, phone, email); repeatable. Standard and common supplier column names are recognised without it.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> DateOrder { get; } = new("--date-order")
    {
        Description = "Order of day and month in ambiguous dates such as 03/04/1980: dmy (default, UK), mdy or ymd.",
        DefaultValueFactory = _ => "dmy",
    };

    public Option<FileInfo?> Model { get; } = new("--model")
    {
        Description = "A model saved by 'nhsid train --model-out'. Without it the model is trained on the input (unsupervised).",
    };

    public Option<bool> NoTrain { get; } = new("--no-train")
    {
        Description = "Without --model, use the built-in default model instead of training on the input.",
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed for training's random pair sampling (results are identical for a seed). Default 42.",
        DefaultValueFactory = _ => 42,
    };

    public void AddTo(Command command, bool withModel)
    {
        command.Options.Add(Map);
        command.Options.Add(DateOrder);
        if (withModel)
        {
            command.Options.Add(Model);
            command.Options.Add(NoTrain);
        }

        command.Options.Add(Seed);
    }

    /// <summary>Reads the order option; false (with a message) when it is not one of the three.</summary>
    public static bool TryParseDateOrder(string? text, TextWriter error, out DateOrder order)
    {
        switch (text?.ToUpperInvariant())
        {
            case "DMY":
                order = Demographics.DateOrder.DayMonthYear;
                return true;
            case "MDY":
                order = Demographics.DateOrder.MonthDayYear;
                return true;
            case "YMD":
                order = Demographics.DateOrder.YearMonthDay;
                return true;
            default:
                order = default;
                error.WriteLine("error: --date-order must be dmy, mdy or ymd.");
                return false;
        }
    }

    /// <summary>
    /// Reads one input file and prepares its records. Rejected rows go to <c>NAME.rejects.csv</c> beside
    /// <paramref name="outputPath"/> (or the input), and the counts are printed: rows = accepted + rejected.
    /// </summary>
    public static RecordSet Read(string path, string label, IReadOnlyList<string> map, RecordSetOptions options, string? outputPath, TextWriter error)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath ?? path)) ?? ".";
        var rejectsPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".rejects.csv");
        var result = PatientCsvReader.Read(path, new PatientCsvReadOptions { ColumnOverrides = map, RejectsPath = rejectsPath });
        error.WriteLine(Invariant($"{label}: {Path.GetFileName(path)}: {result.RowsRead} rows, {result.Accepted} accepted, {result.Rejected} rejected"));
        foreach (var line in result.Mapping.Describe())
        {
            error.WriteLine("  " + line);
        }

        foreach (var rejection in result.Rejections.Take(10))
        {
            error.WriteLine("  rejected " + rejection);
        }

        if (result.Rejected > 0)
        {
            error.WriteLine(Invariant($"  rejected rows written to {rejectsPath}"));
        }
        else
        {
            File.Delete(rejectsPath); // the reader wrote a header-only file; nothing was set aside
        }

        var set = new RecordSet(result.Records, options);
        ReportUnusableValues(set, error);
        return set;
    }

    private static void ReportUnusableValues(RecordSet set, TextWriter error)
    {
        var parts = new List<string>();
        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            var counts = set.GetCounts(kind);
            if (counts.Invalid + counts.Placeholder > 0)
            {
                parts.Add(Invariant($"{kind} {counts.Invalid} invalid, {counts.Placeholder} placeholder"));
            }
        }

        if (parts.Count > 0)
        {
            error.WriteLine("  treated as missing: " + string.Join("; ", parts));
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
