using System.CommandLine;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Privacy;
using static NhsIdentity.Cli.Ingestion.CsvPassThrough;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid filter-optouts EXTRACT.csv --optouts LIST.txt --out CLEAN.csv [--nhs-column NAME]</c>: copies an extract
/// without the rows whose NHS number is on an opt-out list (for example the national data opt-out list), reporting
/// counts only.
/// </summary>
/// <remarks>
/// <para>
/// The list holds one NHS number per line in any layout <c>validate</c> accepts; blank lines are skipped and other
/// lines that are not valid numbers (a header, a typo) are counted as unreadable, never shown. It is loaded into an
/// <see cref="NhsNumberSet"/>.
/// </para>
/// <para>
/// The NHS number column is <c>--nhs-column</c> (matched as <c>pseudonymise</c> matches columns) or else the first
/// column recognised as <c>nhs_number</c>. A row with an empty or invalid NHS number cannot be checked: it is kept
/// and counted, or removed with <c>--drop-unchecked</c>. Malformed CSV rows are rejected (not written, counted,
/// copied to <c>--rejects</c> only when given). Rows in = removed + kept + rejected. Kept rows are copied exactly as
/// written, except that a cell a spreadsheet would run as a formula gets a leading <c>'</c>
/// (<see cref="CsvInjection"/>) unless <c>--raw-cells</c>; the output is written to a temporary file and renamed into place at the end.
/// </para>
/// </remarks>
internal static class FilterOptOutsCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>filter-optouts</c> command.</returns>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("extract") { Description = "The extract to filter (CSV)." };
        input.AcceptExistingOnly();
        var optOuts = new Option<FileInfo>("--optouts") { Description = "The opt-out list: one NHS number per line.", Required = true };
        optOuts.AcceptExistingOnly();
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the rows that may be used (CSV).", Required = true };
        var nhsColumn = new Option<string?>("--nhs-column") { Description = "The NHS number column (default: the first column recognised as nhs_number)." };
        var dropUnchecked = new Option<bool>("--drop-unchecked") { Description = "Also remove rows whose NHS number is empty or invalid (they cannot be checked against the list)." };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Also write malformed rows to this file." };
        var rawCells = RawCellsOption.Create();

        var command = new Command("filter-optouts", "Remove the rows whose NHS number is on an opt-out list. Prints counts only, never a number.")
        {
            input, optOuts, output, nhsColumn, dropUnchecked, rejects, rawCells,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                return Execute(
                    parseResult.GetValue(input)!.FullName,
                    parseResult.GetValue(optOuts)!.FullName,
                    parseResult.GetValue(output)!.FullName,
                    parseResult.GetValue(nhsColumn),
                    parseResult.GetValue(dropUnchecked),
                    parseResult.GetValue(rejects)?.FullName,
                    parseResult.GetValue(rawCells),
                    error);
            }
            catch (IngestionException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
            }
        });
        return command;
    }

    private static int Execute(string inputPath, string optOutsPath, string outputPath, string? nhsColumn, bool dropUnchecked,
        string? rejectsPath, bool rawCells, TextWriter error)
    {
        if (!OutputGuard.Allows([("--out", outputPath), ("--rejects", rejectsPath)], [("the input", inputPath), ("the opt-out list", optOutsPath)], error))
        {
            return ExitCodes.Usage;
        }

        NhsNumberSet optOuts;
        long unreadable;
        // A binary file (a zip, /dev/zero) is refused by what it is rather than read as a list of no numbers.
        InputSniffer.ThrowIfNotText(optOutsPath, expectsCsv: false);
        try
        {
            using var list = File.OpenRead(optOutsPath);
            optOuts = NhsNumberSet.Load(list, out unreadable);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException($"The opt-out list could not be read: {exception.GetType().Name}.", exception) { IsUsageError = true };
        }

        error.WriteLine($"opt-outs: {Path.GetFileName(optOutsPath)}: {Count(optOuts.Count)} distinct numbers, {Count(unreadable)} unreadable lines");
        if (optOuts.Count == 0)
        {
            // Filtering by an empty list removes nobody: the wrong file, never a list to honour.
            throw new IngestionException("The opt-out list holds no valid NHS number, so it would remove nobody: check that it is the right file.");
        }

        using var output = OpenOutput(outputPath)!;
        using var rejectsFile = OpenOutput(rejectsPath);
        var column = -1;
        var separator = ',';
        long kept = 0;
        long optedOut = 0;
        long uncheckable = 0;
        long rejected = 0;
        var writer = output.Writer;

        var rows = Read(
            inputPath,
            header =>
            {
                column = FindColumn(header.Cells, nhsColumn ?? PatientField.NhsNumber.ToName());
                separator = header.Separator;
                header.WriteTo(writer, rawCells);
                WriteLine(rejectsFile?.Writer, header.RawLine);
            },
            (row, _, malformed, tooLong) =>
            {
                if (malformed)
                {
                    // A row too long was skipped unread: only its first part is here, which is not the row.
                    rejected++;
                    WriteLine(tooLong ? null : rejectsFile?.Writer, row.Span);
                    return;
                }

                if (!NhsNumber.TryParse(CsvField.ToValue(row[column].Span), out var number))
                {
                    uncheckable++;
                    if (dropUnchecked)
                    {
                        return;
                    }
                }
                else if (optOuts.Contains(number))
                {
                    optedOut++;
                    return;
                }

                CsvInjection.WriteRawRow(writer, row, separator, rawCells);
                kept++;
            });

        output.Commit();
        rejectsFile?.Commit();

        var removed = optedOut + (dropUnchecked ? uncheckable : 0);
        error.WriteLine($"filter-optouts: {Path.GetFileName(inputPath)}: {Count(rows)} rows in, {Count(removed)} removed, {Count(kept)} kept, {Count(rejected)} rejected (malformed)");
        error.WriteLine($"  removed, on the opt-out list: {Count(optedOut)}");
        error.WriteLine(dropUnchecked
            ? $"  removed, no valid NHS number (--drop-unchecked): {Count(uncheckable)}"
            : $"  kept without a check, no valid NHS number: {Count(uncheckable)}");
        error.WriteLine("clean extract written to " + outputPath);
        return ExitCodes.Success;
    }
}
