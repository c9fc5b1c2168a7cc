using System.CommandLine;
using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Outputs;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// What <c>link</c>, <c>dedupe</c> and <c>train</c> share: the options that say how to read supplier files (CSV
/// extracts, or HL7 v2 messages with <c>--format hl7v2</c>), and reading them into a <see cref="RecordSet"/> with the
/// mapping and the counts reported on standard error (column names and counts only, never values).
/// </summary>
internal sealed class MatchingInputs
{
    public Option<string[]> Map { get; } = new("--map")
    {
        // The field list comes from PatientFieldNames so help cannot drift from what --map accepts.
        Description = "Map a field to a column, FIELD=COLUMN (fields: " + PatientFieldNames.List + "); repeatable. Standard and common supplier column names are recognised without it. With two inputs it applies to each input that has the column, and is an error only when neither has it.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> MapLeft { get; } = new("--map-left")
    {
        Description = "Map a field to a column of the left input only, FIELD=COLUMN; repeatable. Wins over --map for the fields it names.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> MapRight { get; } = new("--map-right")
    {
        Description = "Map a field to a column of the right input only, FIELD=COLUMN; repeatable. Wins over --map for the fields it names.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "Worksheet of an Excel .xlsx input, by name or number from 1 (default: the first). Excel workbooks are read directly; .xls is not (save it as .xlsx).",
    };

    public Option<bool> NoHeader { get; } = new("--no-header")
    {
        Description = "CSV input has no header row: the first row is data, columns are named by position from 1, and --map must name those used (--map nhs_number=1 --map date_of_birth=4). Without it, a first row that looks like data is refused.",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Input format: csv (default; supplier extracts with a header row, as CSV or an Excel .xlsx workbook), hl7v2 (HL7 v2 ADT messages, one patient per message from its PID segment, with the GP practice from PD1; separated by blank lines or a new MSH, MLLP framing ignored), fhir-ndjson (FHIR R4 UK Core Patient resources, one per line) or dicom (a folder of DICOM files, searched with its subfolders, or one file: one patient per file from its header, keyed by accession number, else SOP Instance UID).",
        DefaultValueFactory = _ => InputFormat.Csv.Name,
    };

    public Option<string?> RightFormat { get; } = new("--right-format")
    {
        Description = "Format of the right input when it differs from --format (for example an HL7 v2 feed linked against a CSV extract).",
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

    public void AddTo(Command command, bool withModel, bool withRight = true, bool withSeed = true)
    {
        command.Options.Add(Format);
        if (withRight)
        {
            command.Options.Add(RightFormat);
        }

        command.Options.Add(Map);
        if (withRight)
        {
            command.Options.Add(MapLeft);
            command.Options.Add(MapRight);
        }

        command.Options.Add(Sheet);
        command.Options.Add(NoHeader);
        command.Options.Add(DateOrder);
        if (withModel)
        {
            command.Options.Add(Model);
            command.Options.Add(NoTrain);
        }

        if (withSeed)
        {
            command.Options.Add(Seed);
        }
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

    /// <summary>Reads the format options; false (with a message) when a name is not a format. The right input defaults to the left's format.</summary>
    public static bool TryParseFormats(string? leftText, string? rightText, TextWriter error, out InputFormat left, out InputFormat right)
    {
        right = left = InputFormat.Find(leftText) ?? InputFormat.Csv;
        if (InputFormat.Find(leftText) is null)
        {
            error.WriteLine("error: --format must be one of " + InputFormat.Names() + ".");
            return false;
        }

        if (rightText is not null)
        {
            if (InputFormat.Find(rightText) is not { } found)
            {
                error.WriteLine("error: --right-format must be one of " + InputFormat.Names() + ".");
                return false;
            }

            right = found;
        }

        return true;
    }

    /// <summary>Reads one CSV input file and prepares its records (see the overload with a format).</summary>
    public static RecordSet Read(string path, string label, IReadOnlyList<string> map, RecordSetOptions options, string? outputPath, TextWriter error) =>
        Read(path, label, new InputColumnMap(map, []), InputFormat.Csv, options, outputPath, error);

    /// <summary>
    /// Reads one input file in <paramref name="format"/> and prepares its records. Rejected items go to
    /// <see cref="RejectsPathOf"/> (written only when something was rejected), and the counts are printed: items (rows,
    /// messages) = accepted + rejected.
    /// </summary>
    public static RecordSet Read(string path, string label, InputColumnMap map, InputFormat format, RecordSetOptions options, string? outputPath, TextWriter error,
        bool noHeader = false, string? sheet = null, Summaries.RunSummary? summary = null) =>
        ReadAndPrepare(path, label, map, format, options, outputPath, error, noHeader, sheet, summary).Set;

    /// <summary>
    /// Reads one input file and prepares its records as they are read (a CSV extract or a workbook: in batches on all
    /// cores, never holding every raw record; other formats are read whole, then prepared). The set is the one
    /// <see cref="Prepare"/> makes from the records <see cref="ReadRecords"/> returns; the read's
    /// <see cref="PatientReadResult.Records"/> may hold only their number (<see cref="PreparedRecords"/>), so use
    /// <see cref="ReadRecords"/> and <see cref="Prepare"/> when the raw records are needed afterwards.
    /// </summary>
    public static (RecordSet Set, PatientReadResult Read) ReadAndPrepare(string path, string label, InputColumnMap map, InputFormat format, RecordSetOptions options,
        string? outputPath, TextWriter error, bool noHeader = false, string? sheet = null, Summaries.RunSummary? summary = null, RecordSetBuilder? builder = null)
    {
        // A builder given (tests: small batches) must prepare with the run's options, or the set would not be the run's.
        builder ??= new RecordSetBuilder(options);
        if (!Equals(builder.Options, options))
        {
            throw new ArgumentException("The builder's options are not the run's.", nameof(builder));
        }

        var result = ReadRecords(path, label, map, format, outputPath, error, noHeader, sheet, summary, builder);
        var set = result.Records is PreparedRecords ? builder.Build() : new RecordSet(result.Records, options);
        ReportUnusableValues(set, error);
        return (set, result);
    }

    /// <summary>Prepares the records read and prints the values treated as missing.</summary>
    public static RecordSet Prepare(PatientReadResult result, RecordSetOptions options, TextWriter error)
    {
        var set = new RecordSet(result.Records, options);
        ReportUnusableValues(set, error);
        return set;
    }

    /// <summary>
    /// Reads one input file in <paramref name="format"/> into records, unprepared (<c>import</c> stores them as read).
    /// Rejected items go to <see cref="RejectsPathOf"/> and the counts, mapping notes and warnings are printed as
    /// <see cref="Read(string, string, InputColumnMap, InputFormat, RecordSetOptions, string?, TextWriter, bool, string?, Summaries.RunSummary?)"/>
    /// prints them. Given a builder (<see cref="ReadAndPrepare"/>), a CSV or workbook reader hands it the records as
    /// it reads them, and the result's records then have only their number (<see cref="PreparedRecords"/>).
    /// </summary>
    public static PatientReadResult ReadRecords(string path, string label, InputColumnMap map, InputFormat format, string? outputPath, TextWriter error,
        bool noHeader = false, string? sheet = null, Summaries.RunSummary? summary = null, RecordSetBuilder? prepareInto = null)
    {
        var rejectsPath = RejectsPathOf(path, label, format, outputPath);
        // Not only this input and --out: the other input, --review-decisions, --truth, --report and the other outputs
        // the guard checked would be replaced by the rejects (an input) or replace them (an output).
        if (OutputGuard.SameFile(rejectsPath, path) || (outputPath is not null && OutputGuard.SameFile(rejectsPath, outputPath))
            || OutputGuard.ClaimantOf(rejectsPath) is not null)
        {
            throw new IngestionException($"The {label} input's rejects file would be {rejectsPath}, which is an input or an output of this run; rename one of them.")
            {
                IsUsageError = true,
            };
        }

        OutputSet.Declare($"the {label} input's rejects file", rejectsPath);
        var sourceOptions = new PatientSourceOptions(format.AcceptsColumnMap ? map.Strict : [], rejectsPath, noHeader && format.AcceptsColumnMap)
        {
            LenientColumnOverrides = format.AcceptsColumnMap ? map.Lenient : [],
            Sheet = format.AcceptsColumnMap ? sheet : null,
            PrepareInto = prepareInto,
        };
        var result = format.Read(path, sourceOptions);
        map.Skipped.AddRange(format.AcceptsColumnMap ? result.SkippedOverrides : map.Lenient);
        error.WriteLine(Invariant($"{label}: {Path.GetFileName(path)}: {result.ItemsRead} {result.ItemName}, {result.Accepted} accepted, {result.Rejected} rejected"));
        summary?.AddInput(label, path, format, result);
        if (map.Strict.Count + map.Lenient.Count > 0 && !format.AcceptsColumnMap)
        {
            error.WriteLine("  --map ignored: " + format.Name + " input has no columns");
        }

        if (noHeader && !format.AcceptsColumnMap)
        {
            error.WriteLine("  --no-header ignored: " + format.Name + " input has no header row");
        }

        foreach (var line in result.Description)
        {
            error.WriteLine("  " + line);
        }

        foreach (var skipped in format.AcceptsColumnMap ? result.SkippedOverrides : [])
        {
            error.WriteLine("  --map " + skipped + " not applied: this input has no such column");
        }

        if (result.NhsNumbersRecoveredFromExcel > 0)
        {
            error.WriteLine(Invariant($"  {result.NhsNumbersRecoveredFromExcel} NHS numbers recovered from Excel's number formatting (=\"...\", .0 or scientific notation with every digit)"));
        }

        if (result.NhsNumbersLostToExcel > 0)
        {
            var text = Invariant($"{label}: {result.NhsNumbersLostToExcel} NHS numbers were written by Excel in scientific notation and lost digits; re-export the column as text");
            error.WriteLine("warning: " + text);
            summary?.AddWarning("nhsNumbersLostToExcel", text);
        }

        if (result.IdsAreRowNumbers)
        {
            var text = $"{label}: {Path.GetFileName(path)} has no id column: records are identified by row number (use --map id=COLUMN for a stable id)";
            error.WriteLine("warning: " + text);
            summary?.AddWarning("idsAreRowNumbers", text);
        }

        foreach (var rejection in result.Rejections.Take(10))
        {
            error.WriteLine("  rejected " + rejection);
        }

        if (result.Rejected > 0)
        {
            error.WriteLine(Invariant($"  rejected {result.ItemName} written to {rejectsPath}"));
        }

        WarnOfDuplicateIds(result, label, error, summary);
        return result;
    }

    /// <summary>
    /// Where an input's rejected items go: <c>OUT.LABEL.rejects.EXT</c> beside the run's output (<c>links.left.rejects.csv</c>,
    /// <c>links.right.rejects.csv</c>), or <c>INPUT.LABEL.rejects.EXT</c> beside the input when the output is standard
    /// output. Named by the run and the input's role, not the input's file name alone, so two trusts' extracts that
    /// are both called <c>patients.csv</c> never share one rejects file.
    /// </summary>
    public static string RejectsPathOf(string inputPath, string label, InputFormat format, string? outputPath)
    {
        var anchor = Path.GetFullPath(outputPath ?? inputPath);
        var folder = Path.GetDirectoryName(anchor) ?? ".";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(anchor) + "." + label + ".rejects" + format.RejectsExtension);
    }

    /// <summary>One line for all the items set aside because their id repeats an earlier one's: an extract with
    /// repeated ids is usually the wrong extract (or the wrong id column), which a count in the rejections hides.</summary>
    private static void WarnOfDuplicateIds(PatientReadResult result, string label, TextWriter error, Summaries.RunSummary? summary)
    {
        var duplicates = 0;
        foreach (var rejection in result.Rejections)
        {
            duplicates += rejection.Reason == RejectionReason.DuplicateId ? 1 : 0;
        }

        if (duplicates > 0)
        {
            var text = Invariant($"{label}: {duplicates} {result.ItemName} set aside because their id repeats an earlier one's (the first with each id is kept); check the id column (--map id=COLUMN)");
            error.WriteLine("warning: " + text);
            summary?.AddWarning("duplicateIds", text);
        }
    }

    private static void ReportUnusableValues(RecordSet set, TextWriter error)
    {
        var parts = new List<string>();
        foreach (var definition in ComparisonDefinition.All)
        {
            var counts = set.GetCounts(definition.Kind);
            if (counts.Invalid + counts.Placeholder > 0)
            {
                parts.Add(Invariant($"{definition.Name} {counts.Invalid} invalid, {counts.Placeholder} placeholder"));
            }
        }

        if (parts.Count > 0)
        {
            error.WriteLine("  treated as missing: " + string.Join("; ", parts));
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
