using System.CommandLine;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Profiling;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid profile FILE...</c>: what an extract holds before anything is linked (Splink's <c>profile_columns</c> and
/// <c>count_comparisons_from_blocking_rule</c>): the column mapping, rows read, rejected and kept, completeness per
/// field, why values were set aside, the date layouts seen, and how many candidate pairs each default blocking rule
/// would give a dedupe of each file and a link of each two, before any scoring.
/// </summary>
/// <remarks>
/// <para>Inputs are read exactly as <c>link</c> and <c>dedupe</c> read them (the same readers, <c>--format</c>,
/// <c>--map</c>, <c>--no-header</c>, the same header check and preparation), but nothing is written beside them: the
/// rejected rows are counted by reason, not set aside in a rejects file.</para>
/// <para>Without <c>--show-values</c> the output holds counts, column names, reasons and layouts only, never a value;
/// with it, the commonest values of each field too. <c>--json</c> writes one document of schema
/// <c>nhsid-profile/1</c> (<see cref="ProfileJson"/>); <c>--out FILE</c> writes either to a file, atomically, and
/// never over an input.</para>
/// </remarks>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var inputs = new MatchingInputs();
        var files = new Argument<FileInfo[]>("files") { Description = "The extracts to profile (CSV, or see --format).", Arity = ArgumentArity.OneOrMore };
        files.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "Write one JSON document (schema nhsid-profile/1, see README) instead of text." };
        var showValues = new Option<bool>("--show-values") { Description = "Also list the commonest values of each field, and of those set aside (identifiable data: handle the output like the extracts). Without it no value is shown." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the profile. Default: standard output." };

        var command = new Command("profile", "Profile extracts before linking: column mapping, rows kept and rejected, completeness per field, invalid values by reason, date layouts, and candidate pairs per default blocking rule (no scoring). Exit codes: 0 written, 1 an input unusable, 2 usage error.")
        {
            files,
        };
        command.Options.Add(inputs.Format);
        command.Options.Add(inputs.Map);
        command.Options.Add(inputs.NoHeader);
        command.Options.Add(inputs.DateOrder);
        command.Options.Add(json);
        command.Options.Add(showValues);
        command.Options.Add(output);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var paths = Array.ConvertAll(parseResult.GetValue(files)!, file => file.FullName);
            return Task.FromResult(Execute(paths, parseResult.GetValue(inputs.Format), parseResult.GetValue(inputs.Map) ?? [], parseResult.GetValue(inputs.NoHeader),
                parseResult.GetValue(inputs.DateOrder), parseResult.GetValue(json), parseResult.GetValue(showValues), parseResult.GetValue(output)?.FullName,
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        });
        return command;
    }

    private static int Execute(string[] paths, string? formatName, string[] map, bool noHeader, string? dateOrder, bool json, bool showValues, string? outputPath,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!MatchingInputs.TryParseDateOrder(dateOrder, error, out var order) || !MatchingInputs.TryParseFormats(formatName, null, error, out var format, out _))
        {
            return ExitCodes.Usage;
        }

        var inputs = new List<(string, string?)>();
        for (var i = 0; i < paths.Length; i++)
        {
            inputs.Add((Label(i) + " (an input)", paths[i]));
        }

        if (!OutputGuard.Allows([("--out", outputPath)], inputs, error))
        {
            return ExitCodes.Usage;
        }

        try
        {
            var options = RecordSetOptions.Default with { DateOrder = order };
            var profiles = new List<ExtractProfile>();
            var sets = new List<RecordSet>();
            for (var i = 0; i < paths.Length; i++)
            {
                var (read, mapping) = Read(paths[i], format, map, noHeader, error);
                var set = new RecordSet(read.Records, options);
                sets.Add(set);
                profiles.Add(ExtractProfiler.Build(Label(i), paths[i], format, read, mapping, set, showValues));
            }

            var blocking = new List<BlockingProfile>();
            for (var i = 0; i < sets.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                blocking.Add(new BlockingProfile("dedupe", [Label(i)], sets[i].Count, BlockingAnalysis.CountDeduplicationPairs(sets[i], null, cancellationToken),
                    LinkOptions.Default.PairBudget(sets[i].Count)));
            }

            for (var i = 0; i < sets.Count; i++)
            {
                for (var j = i + 1; j < sets.Count; j++)
                {
                    long records = (long)sets[i].Count + sets[j].Count;
                    blocking.Add(new BlockingProfile("link", [Label(i), Label(j)], records, BlockingAnalysis.CountLinkagePairs(sets[i], sets[j], null, cancellationToken),
                        LinkOptions.Default.PairBudget(records)));
                }
            }

            void Write(TextWriter writer)
            {
                if (json)
                {
                    ProfileJson.Write(writer, profiles, blocking);
                }
                else
                {
                    ProfileText.Write(writer, profiles, blocking);
                }
            }

            if (outputPath is null)
            {
                Write(output);
            }
            else
            {
                AtomicFileWriter.Write(outputPath, Write);
                error.WriteLine(MatchingInputs.Invariant($"profile of {paths.Length} file(s) written to {Path.GetFileName(outputPath)}"));
            }

            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled: no output was written.");
            return ExitCodes.Cancelled;
        }
        catch (IngestionException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
        }
    }

    /// <summary>An input's label: <c>file1</c>, <c>file2</c>, ... (its place on the command line).</summary>
    private static string Label(int index) => "file" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads one input with the reader <c>link</c> uses; rejected items are counted, not written anywhere.
    /// A CSV's column mapping is kept for the profile's mapping section.</summary>
    private static (PatientReadResult Read, ColumnMapping? Mapping) Read(string path, InputFormat format, string[] map, bool noHeader, TextWriter error)
    {
        if (format != InputFormat.Csv)
        {
            // As link and dedupe do: options about columns do not apply to formats without them.
            if (map.Length > 0 || noHeader)
            {
                error.WriteLine("  --map and --no-header ignored: " + format.Name + " input has no columns");
            }

            return (format.Read(path, new PatientSourceOptions([], RejectsPath: null)), null);
        }

        var (csv, howRead) = InputFormat.ReadTable(path, new PatientCsvReadOptions { ColumnOverrides = map, RejectsPath = null, NoHeader = noHeader });
        return (InputFormat.ToReadResult(csv, howRead), csv.Mapping);
    }
}
