using System.CommandLine;
using System.Diagnostics;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Progress;
using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;
using static NhsIdentity.Cli.Commands.MatchingInputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid import RECORDS.csv [--data mpi.db | --postgres] [--map FIELD=COLUMN]</c>: loads a patient extract into the
/// identity service's store in batches, one transaction each, so the next <c>nhsid serve</c> indexes it: the SQLite
/// file of <c>--data</c>, or with <c>--postgres</c> the PostgreSQL database the service is configured with
/// (<c>NhsIdentity__PostgresConnectionString</c> and <c>NhsIdentity__PostgresSchema</c> in the environment: a
/// connection string holds a password, so it is never an argument). A million records in minutes, where as many
/// <c>PUT /records/{id}</c> calls would take hours.
/// </summary>
/// <remarks>
/// <para>A command of its own, not an option of <c>serve</c>: a load runs once, with its own exit code and counts, and
/// no service should be answering from a half-loaded store meanwhile. The store is opened exclusively, so the import
/// stops with exit 1 before writing anything while a running service has the file open (stop it first; its index would
/// not see the rows). A service's index snapshot (<c>mpi.db.index</c>) stays usable: the next start catches it up by
/// content hash.</para>
/// <para>The file is read with the same readers, column mapping and rejects file as <c>link</c>: rows that cannot be
/// read, and rows whose id repeats an earlier row's, are set aside by row number and reason (<c>mpi.records.rejects.csv</c>
/// beside the store), and the counts reconcile: rows = added + replaced + rejected + without an id. Ids are the file's id column (a
/// file without one is refused: row numbers are not ids a service can be asked about). An id already in the store is
/// replaced, so an import can be run again after a failure. A row whose id cell is empty (the readers would give it its
/// row number as id) is set aside too, its row number in <c>mpi.records.no-id.csv</c> (see <see cref="ImportIds"/>).</para>
/// </remarks>
internal static class ImportCommand
{
    /// <summary>Records per transaction: large enough that the per-commit sync is noise, small enough that a batch's
    /// JSON stays a few megabytes.</summary>
    public const int DefaultBatchSize = 5000;

    /// <summary>The exit codes as the help text lists them.</summary>
    public const string ExitCodeSummary =
        "Exit codes: 0 imported (rejected rows, if any, set aside); 1 the file or the store could not be read or written (the store in use by a running nhsid serve, for one); 2 usage error (no id column, a bad --map).";

    /// <summary>Where <c>--postgres</c> reads the connection string: the variable <c>nhsid serve</c> reads it from.</summary>
    public const string PostgresVariable = "NhsIdentity__PostgresConnectionString";

    /// <summary>Where <c>--postgres</c> reads the schema.</summary>
    public const string SchemaVariable = "NhsIdentity__PostgresSchema";

    public static Command Create()
    {
        var inputs = new MatchingInputs();
        var records = new Argument<FileInfo>("records") { Description = "The extract to load (CSV or .xlsx, HL7 v2 or FHIR NDJSON with --format). Its id column (or --map id=COLUMN) gives each record's id in the store." };
        records.AcceptExistingOnly();
        var data = new Option<FileInfo>("--data") { Description = "The service's SQLite store (created when absent), as for nhsid serve --data.", DefaultValueFactory = _ => new FileInfo("mpi.db") };
        var postgres = new Option<bool>("--postgres") { Description = $"Load into the PostgreSQL store nhsid serve uses: the connection string from the environment variable {PostgresVariable} (never an argument: it holds a password), the schema from {SchemaVariable} (default {PatientStoreImporter.DefaultPostgresSchema}). Instead of --data." };
        var batchSize = new Option<int>("--batch-size") { Description = $"Records per transaction (default {DefaultBatchSize}).", DefaultValueFactory = _ => DefaultBatchSize };
        var quiet = LinkCommand.QuietOption();
        var command = new Command("import", "Load a patient extract into the identity service's store (nhsid serve --data), in batches; stop the service first. " + ExitCodeSummary)
        {
            records, data, postgres, batchSize, quiet,
        };
        inputs.AddTo(command, withModel: false, withRight: false, withSeed: false);
        command.Options.Remove(inputs.DateOrder); // the store holds raw fields; the service reads dates with its own options
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(
            parseResult.GetValue(records)!.FullName,
            parseResult.GetValue(data)!.FullName,
            parseResult.GetValue(postgres),
            parseResult.GetValue(batchSize),
            parseResult.GetValue(inputs.Map) ?? [],
            parseResult.GetValue(inputs.Sheet),
            parseResult.GetValue(inputs.NoHeader),
            parseResult.GetValue(inputs.Format),
            parseResult.GetValue(quiet),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    private static int Execute(string path, string dataPath, bool postgres, int batchSize, string[] map, string? sheet, bool noHeader, string? formatName, bool quiet,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (batchSize < 1)
        {
            error.WriteLine("error: --batch-size must be at least 1.");
            return ExitCodes.Usage;
        }

        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        var schema = Environment.GetEnvironmentVariable(SchemaVariable) is { Length: > 0 } named ? named : PatientStoreImporter.DefaultPostgresSchema;
        if (postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            error.WriteLine($"error: --postgres reads the connection string from the environment variable {PostgresVariable}, which is not set.");
            return ExitCodes.Usage;
        }

        if (!TryParseFormats(formatName, null, error, out var format, out _)
            || (!postgres && !OutputGuard.Allows([("--data", dataPath), ("--data's index snapshot", dataPath + ".index")], [("the input", path)], error)))
        {
            return ExitCodes.Usage;
        }

        // The files the import writes (rejects, rows without an id) sit beside the SQLite store, or beside the input
        // when the store is a database.
        var anchor = postgres ? path : dataPath;
        var storeName = postgres ? "the PostgreSQL store (schema " + schema + ")" : Path.GetFileName(dataPath);

        return WorkProgress.Run(quiet, error, (progress, error) =>
        {
            try
            {
                // Open (and probe) the store before reading: a store in use fails in a second, not after the read.
                using var importer = (postgres
                    ? PatientStoreImporter.OpenPostgresAsync(connectionString!, schema, cancellationToken)
                    : OpenAsync(dataPath, cancellationToken)).GetAwaiter().GetResult();
                PatientReadResult read;
                using (var stage = progress.Begin("reading " + Path.GetFileName(path)))
                {
                    read = ReadRecords(path, "records", new InputColumnMap(map, []), format, postgres ? null : dataPath, error, noHeader, sheet);
                    stage.Complete(read.Accepted);
                }

                if (read.IdsAreRowNumbers)
                {
                    error.WriteLine("error: the file has no id column; map one with --map id=COLUMN (row numbers are not ids the service can be asked about). Nothing was imported.");
                    return ExitCodes.Usage;
                }

                var (stored, withoutId) = ImportIds.Split(read);
                if (withoutId.Count > 0)
                {
                    var noIdPath = ImportIds.PathOf(anchor);
                    ImportIds.Write(noIdPath, withoutId);
                    error.WriteLine(Invariant($"  {withoutId.Count} rows set aside: no id (the id cell is empty); their row numbers are in {noIdPath}"));
                    foreach (var row in withoutId.Take(10))
                    {
                        error.WriteLine(Invariant($"  set aside row {row}: no id"));
                    }
                }

                var clock = Stopwatch.StartNew();
                // In id order: the store keeps rows in id order (a WITHOUT ROWID table), so sorted batches append to
                // its b-tree instead of splitting pages all over it (1.0M rows: 89 s in file order; see ServiceLoad.md).
                stored.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
                var written = WriteAsync(importer, stored, batchSize, progress, cancellationToken).GetAwaiter().GetResult();
                if (written.Failure is { } failure)
                {
                    error.WriteLine(Invariant($"error: {failure.Message} {written.Counts.Written} records were committed before it (an import can be run again: ids already stored are replaced)."));
                    return ExitCodes.Failed;
                }

                error.WriteLine(Invariant($"stored in {storeName} in {clock.Elapsed.TotalSeconds:F1} s; a running service sees them after its next start"));
                output.WriteLine(Invariant($"{read.ItemsRead} {read.ItemName} = {written.Counts.Added} added + {written.Counts.Replaced} replaced + {read.Rejected} rejected + {withoutId.Count} without an id"));
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("cancelled: batches committed before the cancel stay in the store (run the import again to finish it).");
                return ExitCodes.Cancelled;
            }
            catch (PatientStoreImportException exception)
            {
                error.WriteLine("error: " + exception.Message + " Nothing was imported.");
                return ExitCodes.Failed;
            }
            catch (IngestionException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
            }
        });
    }

    private static async Task<PatientStoreImporter> OpenAsync(string dataPath, CancellationToken cancellationToken)
    {
        var importer = await PatientStoreImporter.OpenSqliteAsync(dataPath, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync([], cancellationToken).ConfigureAwait(false); // takes the write lock, or fails: in use
        return importer;
    }

    private static async Task<(BatchWriteCounts Counts, PatientStoreImportException? Failure)> WriteAsync(PatientStoreImporter importer, List<PatientRecord> records,
        int batchSize, WorkProgress progress, CancellationToken cancellationToken)
    {
        using var stage = progress.Begin("storing records", records.Count);
        var added = 0;
        var replaced = 0;
        var batch = new List<PatientRecord>(Math.Min(batchSize, records.Count));
        for (var start = 0; start < records.Count; start += batchSize)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(records.Count, start + batchSize); i++)
            {
                batch.Add(records[i]);
            }

            try
            {
                var counts = await importer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                added += counts.Added;
                replaced += counts.Replaced;
            }
            catch (PatientStoreImportException failure)
            {
                return (new BatchWriteCounts(added, replaced), failure);
            }

            stage.Report(start + batch.Count, records.Count);
        }

        stage.Complete(records.Count);
        return (new BatchWriteCounts(added, replaced), null);
    }
}
