using System.CommandLine;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Outputs;
using NhsIdentity.Cli.Progress;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Splink;
using static NhsIdentity.Cli.Commands.MatchingInputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid prepare IN --out prepared.parquet</c>: reads an extract as <c>link</c> does and writes its prepared
/// features (<see cref="SplinkPreparedTable"/>: normalised names and tokens, phonetic codes, nickname ids, date and
/// postcode parts, hashed identifiers, term frequencies, blocking keys) as Parquet, the input a model exported with
/// <c>nhsid train --splink-model-out</c> runs on in Splink.
/// </summary>
/// <remarks>Rejected rows go to the rejects file beside the input, as for <c>link</c>; the output is written atomically
/// and never over an input. The Parquet file holds identifiable data (names, dates of birth, postcodes): handle it like
/// the extract.</remarks>
internal static class PrepareCommand
{
    public static Command Create()
    {
        var inputs = new MatchingInputs();
        var file = new Argument<FileInfo>("records") { Description = "The extract to prepare (CSV, or see --format)." };
        file.AcceptExistingOnly();
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the prepared columns (Parquet).", Required = true };
        var command = new Command("prepare",
            "Write an extract's prepared columns as Parquet: the input of a model exported with train --splink-model-out, in Splink (DuckDB, Spark). Exit codes: 0 written, 1 an input unusable, 2 usage error.")
        {
            file, output,
        };
        command.Options.Add(inputs.Format);
        command.Options.Add(inputs.Map);
        command.Options.Add(inputs.NoHeader);
        command.Options.Add(inputs.Sheet);
        command.Options.Add(inputs.DateOrder);
        var quiet = LinkCommand.QuietOption();
        command.Options.Add(quiet);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(
            parseResult.GetValue(file)!.FullName, parseResult.GetValue(output)!.FullName, parseResult.GetValue(inputs.Format),
            parseResult.GetValue(inputs.Map) ?? [], parseResult.GetValue(inputs.NoHeader), parseResult.GetValue(inputs.Sheet),
            parseResult.GetValue(inputs.DateOrder), parseResult.GetValue(quiet), parseResult.InvocationConfiguration.Error, cancellationToken)));
        return command;
    }

    private static int Execute(string path, string outputPath, string? formatName, string[] map, bool noHeader, string? sheet, string? dateOrder, bool quiet,
        TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParseDateOrder(dateOrder, error, out var order) || !TryParseFormats(formatName, null, error, out var format, out _))
        {
            return ExitCodes.Usage;
        }

        if (!OutputGuard.Allows([("--out", outputPath)], [("the input", path)], error))
        {
            return ExitCodes.Usage;
        }

        return WorkProgress.Run(quiet, error, (progress, error) =>
        {
            try
            {
                var columnMaps = new ColumnMaps(map, [], [], twoInputs: false);
                var set = LinkCommand.ReadWithProgress(progress, path, "records", columnMaps.Left, format,
                    RecordSetOptions.Default with { DateOrder = order }, outputPath, error, noHeader, sheet);
                columnMaps.ThrowIfUnused([columnMaps.Left]);
                cancellationToken.ThrowIfCancellationRequested();
                var table = SplinkPreparedTable.Create(set);
                var bytes = SplinkParquet.ToBytes(table);
                using (var writer = new AtomicFileWriter(outputPath))
                {
                    writer.BaseStream.Write(bytes);
                    writer.Commit();
                }

                error.WriteLine(Invariant($"{table.RowCount} records, {table.Columns.Count} columns written to {Path.GetFileName(outputPath)}"));
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("cancelled: nothing was written.");
                return ExitCodes.Cancelled;
            }
            catch (IngestionException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
            }
        });
    }
}
