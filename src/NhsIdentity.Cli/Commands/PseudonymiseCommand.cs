using System.CommandLine;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Demographics;
using NhsIdentity.Privacy;
using static NhsIdentity.Cli.Ingestion.CsvPassThrough;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid pseudonymise IN.csv --key-file KEY --columns nhs_number,date_of_birth --out OUT.csv [--label PROJECT]</c>:
/// copies an extract with the named columns replaced by keyed pseudonyms (<see cref="NhsNumberPseudonymiser"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Columns.</b> Each <c>--columns</c> entry is a column name, or <c>FIELD=COLUMN</c> with FIELD one of
/// <c>nhs_number</c>, <c>date_of_birth</c>, <c>postcode</c>. A name is matched exactly as written first, then
/// case- and punctuation-insensitively (<c>NHS Number</c> finds <c>nhs_number</c>), then as a field name against
/// the columns <c>link</c> would recognise (<c>nhs_number</c> finds <c>NHSNo</c>). Without FIELD, the field is
/// the one the column's header is recognised as, or the one the entry names.
/// </para>
/// <para>
/// <b>Rows.</b> Every other column is copied as written, and the header is unchanged, except that a cell a
/// spreadsheet would run as a formula gets a leading <c>'</c> (<see cref="CsvInjection"/>) unless <c>--raw-cells</c>. A value that does not parse
/// (an invalid NHS number, an impossible date) becomes empty and is counted; an empty value stays empty (there is
/// no pseudonym for "missing"). A malformed CSV row (unbalanced quotes, wrong field count) is rejected: not written
/// to the output, counted, and copied only to <c>--rejects</c> when given. There is no default rejects file,
/// because rejected rows still hold the identifiers in clear and must not land beside a shareable output.
/// Rows in = written + rejected.
/// </para>
/// <para>
/// <b>Key.</b> <c>--key-file</c> is read by <see cref="PseudonymKey.FromFile(string, string, PseudonymKeyOptions)"/>:
/// hex, base64 or raw bytes, decided from the content; damaged text and weak keys are refused (exit 1) with one line
/// that never shows the key, and <c>--allow-weak-key</c> accepts a weak one.
/// </para>
/// <para>
/// <b>Output.</b> The output is written to a temporary file and renamed into place at the end, so a failure never
/// leaves a half-pseudonymised file. Standard error gets counts only, never a value or the key.
/// </para>
/// </remarks>
internal static class PseudonymiseCommand
{
    /// <summary>What <c>--help</c> says about <c>--key-file</c>: the forms a key file may take.</summary>
    internal const string KeyFileDescription =
        "The secret key file: at least 32 random bytes, as hex (openssl rand -hex 32; either case, may be wrapped over lines), " +
        "base64 (openssl rand -base64 32; may be wrapped) or raw bytes (openssl rand 32). A UTF-8 byte-order mark and white space " +
        "around or inside hex and base64 are ignored. Text that is neither valid hex nor valid base64 (a mistyped hex digit, say) " +
        "is refused, never read another way; so is a weak key (see --allow-weak-key).";

    /// <summary>The label used when <c>--label</c> is not given.</summary>
    public const string DefaultLabel = "nhsid";

    private enum Kind
    {
        None,
        NhsNumber,
        DateOfBirth,
        Postcode,
    }

    /// <summary>Creates the command.</summary>
    /// <returns>The <c>pseudonymise</c> command.</returns>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "The extract to pseudonymise (CSV)." };
        input.AcceptExistingOnly();
        var keyFile = new Option<FileInfo>("--key-file") { Description = KeyFileDescription, Required = true };
        keyFile.AcceptExistingOnly();
        var columns = new Option<string[]>("--columns") { Description = "Columns to pseudonymise, comma-separated: NAME or FIELD=NAME (fields: nhs_number, date_of_birth, postcode).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the pseudonymised extract (CSV).", Required = true };
        var label = new Option<string>("--label") { Description = $"The project label mixed into every pseudonym (default '{DefaultLabel}'); the same key with another label gives unlinkable pseudonyms.", DefaultValueFactory = _ => DefaultLabel };
        var format = new Option<string>("--format") { Description = "Pseudonym text: hex (64 lower-case characters, default) or base32 (52 characters, RFC 4648, unpadded).", DefaultValueFactory = _ => "hex" };
        format.AcceptOnlyFromAmong("hex", "base32");
        var dateOrder = new Option<string>("--date-order") { Description = "How to read numeric dates of birth: dmy (default), mdy or ymd.", DefaultValueFactory = _ => "dmy" };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Also write malformed rows (still in clear) to this file." };
        var rawCells = RawCellsOption.Create();
        var allowWeakKey = new Option<bool>("--allow-weak-key") { Description = "Accept a weak key (all one byte value, or under 128 bits of estimated entropy), for published test vectors only: pseudonyms under a guessable key can be reversed by trying every NHS number." };

        var command = new Command("pseudonymise", "Replace NHS numbers, dates of birth and postcodes in an extract with keyed pseudonyms (HMAC-SHA256). Prints counts only.")
        {
            input, keyFile, columns, output, label, format, dateOrder, rejects, rawCells, allowWeakKey,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (!MatchingInputs.TryParseDateOrder(parseResult.GetValue(dateOrder), error, out var order))
            {
                return ExitCodes.Usage;
            }

            return Execute(
                parseResult.GetValue(input)!.FullName,
                parseResult.GetValue(keyFile)!.FullName,
                parseResult.GetValue(columns) ?? [],
                parseResult.GetValue(output)!.FullName,
                parseResult.GetValue(label) ?? DefaultLabel,
                string.Equals(parseResult.GetValue(format), "base32", StringComparison.Ordinal),
                order,
                parseResult.GetValue(rejects)?.FullName,
                parseResult.GetValue(rawCells),
                parseResult.GetValue(allowWeakKey) ? new PseudonymKeyOptions { AllowWeakKey = true } : PseudonymKeyOptions.Default,
                error);
        });
        return command;
    }

    private static int Execute(string inputPath, string keyPath, string[] columnSpecs, string outputPath, string label, bool base32,
        DateOrder order, string? rejectsPath, bool rawCells, PseudonymKeyOptions keyOptions, TextWriter error)
    {
        // The output is meant for sharing and the rejects hold rows in clear: neither may replace the other, the
        // extract or the key.
        if (!OutputGuard.Allows([("--out", outputPath), ("--rejects", rejectsPath)], [("the input", inputPath), ("--key-file", keyPath)], error))
        {
            return ExitCodes.Usage;
        }

        var key = KeyFile.Load(keyPath, label, keyOptions, error, out var keyExitCode);
        if (key is null)
        {
            return keyExitCode;
        }

        using (key)
        {
            var pseudonymiser = new NhsNumberPseudonymiser(key);
            try
            {
                return Run(inputPath, columnSpecs, outputPath, rejectsPath, pseudonymiser, base32, order, rawCells, error);
            }
            catch (IngestionException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
            }
        }
    }

    private static int Run(string inputPath, string[] columnSpecs, string outputPath, string? rejectsPath,
        NhsNumberPseudonymiser pseudonymiser, bool base32, DateOrder order, bool rawCells, TextWriter error)
    {
        using var output = OpenOutput(outputPath)!;
        using var rejectsFile = OpenOutput(rejectsPath);
        Kind[] kinds = [];
        string[] header = [];
        var separator = ',';
        var counts = Array.Empty<(long Pseudonymised, long Empty, long Invalid)>();
        long written = 0;
        long rejected = 0;
        var text = new char[NhsNumberPseudonymiser.HexLength];
        var writer = output.Writer;

        var rows = Read(
            inputPath,
            headerRow =>
            {
                header = [.. headerRow.Cells];
                kinds = Resolve(header, columnSpecs);
                counts = new (long, long, long)[header.Length];
                separator = headerRow.Separator;
                headerRow.WriteTo(writer, rawCells);
                WriteLine(rejectsFile?.Writer, headerRow.RawLine);
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

                for (var i = 0; i < kinds.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(separator);
                    }

                    if (kinds[i] == Kind.None)
                    {
                        CsvInjection.WriteRawField(writer, row[i].Span, rawCells);
                        continue;
                    }

                    var value = CsvField.ToValue(row[i].Span);
                    if (value is null)
                    {
                        counts[i].Empty++;
                    }
                    else if (TryPseudonymise(pseudonymiser, kinds[i], value, order, base32, text, out var length))
                    {
                        counts[i].Pseudonymised++;
                        writer.Write(text.AsSpan(0, length));
                    }
                    else
                    {
                        counts[i].Invalid++;
                    }
                }

                writer.Write('\n');
                written++;
            });

        output.Commit();
        rejectsFile?.Commit();

        error.WriteLine($"pseudonymise: {Path.GetFileName(inputPath)}: {Count(rows)} rows, {Count(written)} written, {Count(rejected)} rejected (malformed)");
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.None)
            {
                error.WriteLine($"  {FieldName(kinds[i])} <- {header[i]}: {Count(counts[i].Pseudonymised)} pseudonymised, {Count(counts[i].Empty)} empty, {Count(counts[i].Invalid)} not valid (left empty)");
            }
        }

        error.WriteLine($"label '{pseudonymiser.Label}', {(base32 ? "base32" : "hex")} pseudonyms written to {outputPath}");
        return ExitCodes.Success;
    }

    private static Kind[] Resolve(string[] header, string[] columnSpecs)
    {
        var kinds = new Kind[header.Length];
        var any = false;
        foreach (var spec in columnSpecs.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? spec : spec[(equals + 1)..].Trim();
            var column = FindColumn(header, name);
            var kind = equals >= 0 ? KindOfField(spec[..equals].Trim())
                : ColumnMapping.TryRecognise(header[column], out var recognised) && KindOf(recognised) != Kind.None ? KindOf(recognised)
                : PatientFieldNames.TryParse(name, out var named) ? KindOf(named)
                : Kind.None;
            if (kind == Kind.None)
            {
                throw new IngestionException($"Column '{header[column]}' is not recognised as nhs_number, date_of_birth or postcode; write FIELD=COLUMN, for example nhs_number={header[column]}.") { IsUsageError = true };
            }

            if (kinds[column] != Kind.None)
            {
                throw new IngestionException($"Column '{header[column]}' is named twice in --columns.") { IsUsageError = true };
            }

            kinds[column] = kind;
            any = true;
        }

        return any ? kinds : throw new IngestionException("--columns names no column.") { IsUsageError = true };
    }

    private static Kind KindOfField(string field) =>
        PatientFieldNames.TryParse(field, out var parsed) && KindOf(parsed) != Kind.None
            ? KindOf(parsed)
            : throw new IngestionException($"--columns: '{field}' is not one of nhs_number, date_of_birth, postcode.") { IsUsageError = true };

    private static Kind KindOf(PatientField field) => field switch
    {
        PatientField.NhsNumber => Kind.NhsNumber,
        PatientField.DateOfBirth => Kind.DateOfBirth,
        PatientField.Postcode => Kind.Postcode,
        _ => Kind.None,
    };

    private static string FieldName(Kind kind) => kind switch
    {
        Kind.NhsNumber => PatientField.NhsNumber.ToName(),
        Kind.DateOfBirth => PatientField.DateOfBirth.ToName(),
        _ => PatientField.Postcode.ToName(),
    };

    private static bool TryPseudonymise(NhsNumberPseudonymiser pseudonymiser, Kind kind, string value, DateOrder order, bool base32, Span<char> text, out int length)
    {
        length = 0;
        switch (kind)
        {
            case Kind.NhsNumber when NhsNumber.TryParse(value, out var number):
                return base32 ? pseudonymiser.TryFormatBase32(number, text, out length) : pseudonymiser.TryFormatHex(number, text, out length);
            case Kind.DateOfBirth when DateOfBirth.TryParse(value, order, out var date):
                return base32 ? pseudonymiser.TryFormatBase32(date, text, out length) : pseudonymiser.TryFormatHex(date, text, out length);
            case Kind.Postcode when Postcode.TryParse(value, out var postcode):
                return base32 ? pseudonymiser.TryFormatBase32(postcode, text, out length) : pseudonymiser.TryFormatHex(postcode, text, out length);
            default:
                return false;
        }
    }
}
