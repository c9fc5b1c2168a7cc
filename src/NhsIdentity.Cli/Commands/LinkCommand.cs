using System.CommandLine;
using System.Reflection;
using NhsIdentity.Cli.Groups;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Progress;
using NhsIdentity.Cli.Reporting;
using NhsIdentity.Cli.Review;
using NhsIdentity.Cli.Summaries;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Linkage;
using NhsIdentity.Matching.Training;
using static NhsIdentity.Cli.Commands.MatchingInputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid link LEFT.csv RIGHT.csv --out links.csv</c> and <c>nhsid dedupe RECORDS.csv --out pairs.csv</c>: read
/// supplier extracts, train a model on them (or load one), block, score and write the pairs whose decision is
/// <c>match</c> or <c>review</c>, with a summary of what happened on standard error.
/// </summary>
/// <remarks>
/// <para>With <c>--truth FILE</c> the summary also scores the run: precision, recall and F1 of the match decisions written
/// (the links file's <c>match</c> rows, after the decision policy and any one-to-one assignment, so
/// <c>nhsid evaluate</c> of the links file with the same truth gives the same counts), and blocking recall (the share
/// of true pairs that were candidate pairs at all), overall and per rule. The truth is read as <c>nhsid evaluate</c>
/// reads it (<see cref="TruthReading"/>), with the sides placed by the inputs' record ids.</para>
/// <para>Output columns: <c>left_id,right_id,match_weight,match_probability,decision</c>, and with <c>--explain</c> one
/// column per comparison holding the level reached (<c>ExactFullName</c>, <c>missing</c>, ...), then, in a link whose
/// model weighs competition among the candidates (<see cref="MatchModel.Competition"/>), a <c>competition</c> column
/// (<c>unrivalled</c>, <c>best_of_rivals</c>, <c>outranked</c>; see <see cref="CompetitionText"/>). Rows come in a
/// deterministic order (left record, then right record) and are identical for the same input and seed. Only ids,
/// counts, column names and weights are printed, never patient details.</para>
/// <para>With <c>--review-out FILE</c> / <c>--review-html FILE</c> the pairs to decide by hand are written as well
/// (see <see cref="ReviewExport"/>): the review pairs, optionally sampled matches and near misses, with both records'
/// values (by design: the reviewer needs them), and decisions carried over from <c>--review-decisions</c>.</para>
/// <para>With <c>--report FILE</c> a self-contained HTML report is written as well (see <see cref="LinkReportWriter"/>):
/// every candidate pair is then kept in memory (about 32 bytes each) for the weight histogram, the closest
/// non-matches and, with <c>--truth</c>, the precision-recall sweep. Patient values appear in it only with
/// <c>--report-show-values</c>.</para>
/// <para>With <c>--json FILE</c> the run summary is also written as one JSON document of schema <c>nhsid-run/1</c>
/// (<see cref="RunSummary"/>), staged and committed with the other outputs.</para>
/// <para>A run has a budget (<see cref="BudgetOptions"/>): candidate pairs per record, pairs per block, and pairs kept
/// per record. When one bites the run stops before writing anything, with one line on standard error naming the
/// rule and the counts and exit code <see cref="ExitCodes.BudgetExceeded"/>; with <c>--on-budget skip-rule</c> a rule
/// that would cross the pair budget is left out with a warning instead.</para>
/// </remarks>
internal static class LinkCommand
{
    /// <summary>The exit codes, at the end of the commands' help.</summary>
    private const string ExitCodeHelp = " Exit codes: 0 written, 1 an input or model unusable, 2 usage error, 3 a run budget exceeded (one line says which; nothing written), 130 cancelled.";

    public static Command CreateLink() => Create(deduplicating: false);

    public static Command CreateDedupe() => Create(deduplicating: true);

    private static Command Create(bool deduplicating)
    {
        var inputs = new MatchingInputs();
        var budget = new BudgetOptions();
        var review = new ReviewOptions();
        var left = new Argument<FileInfo>(deduplicating ? "records" : "left") { Description = deduplicating ? "The extract to deduplicate (CSV or Excel .xlsx, or see --format)." : "The left extract (CSV or Excel .xlsx, or see --format)." };
        left.AcceptExistingOnly();
        var right = new Argument<FileInfo>("right") { Description = "The right extract (format: --right-format, else --format)." };
        right.AcceptExistingOnly();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the pairs (CSV). Default: standard output." };
        var clusters = new Option<FileInfo?>("--clusters") { Description = "Also write id,cluster_id,source: best-link clusters of the matches, never joining two different valid NHS numbers; source is the input the id came from (left or right; records for dedupe)." };
        var oneToOne = new Option<bool>("--one-to-one") { Description = "Each record links to at most one record of the other extract (greedy by weight)." };
        var threshold = new Option<double?>("--threshold") { Description = "Match probability threshold (default 0.99; reviews from 0.5)." };
        var explain = new Option<bool>("--explain") { Description = "Add one column per comparison with the level each pair reached; in a link whose model learned competition among candidates, also a competition column (unrivalled, best_of_rivals or outranked)." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write a self-contained HTML report: summary, weight histogram, model, explained review pairs and near misses, blocking, clusters and conflicts. Patient values are masked unless --report-show-values." };
        var asOf = new Option<string?>("--as-of") { Description = "The day the report's \"who is left unlinked\" age bands are taken on, YYYY-MM-DD (default: today, UTC), so a report can be made again to the byte." };
        var showValues = new Option<bool>("--report-show-values") { Description = "Show the two records' fields beside each explained pair in the report (identifiable data: handle the report like the extracts)." };
        var truth = new Option<FileInfo>("--truth") { Description = "Ground truth: score the written matches (precision, recall, F1) and blocking recall on standard error, and in the report. Pairs (left_id,right_id) or clusters (id,cluster_id / id,person_id, optionally with a source column: source,id,person_id)." };
        truth.AcceptExistingOnly();
        var json = new Option<FileInfo?>("--json") { Description = "Also write the run summary (inputs, pairs compared, pairs written per decision, clusters, blocking per rule, budget, warnings) as JSON to FILE (schema nhsid-run/1, see docs/json-schemas.md). Counts and names only." };

        var command = deduplicating
            ? new Command("dedupe", "Find records of the same person within one extract; optionally cluster them into persons." + ExitCodeHelp) { left }
            : new Command("link", "Link two supplier extracts: pairs of records of the same person, with weights, probabilities and decisions." + ExitCodeHelp) { left, right };
        command.Options.Add(output);
        inputs.AddTo(command, withModel: true, withRight: !deduplicating);
        command.Options.Add(threshold);
        command.Options.Add(explain);
        if (deduplicating)
        {
            command.Options.Add(clusters);
        }
        else
        {
            command.Options.Add(oneToOne);
            command.Options.Add(clusters);
        }

        budget.AddTo(command);
        command.Options.Add(report);
        command.Options.Add(showValues);
        command.Options.Add(asOf);
        command.Options.Add(truth);
        command.Options.Add(json);
        review.AddTo(command);
        var quiet = QuietOption();
        command.Options.Add(quiet);
        var rawCells = RawCellsOption.Create();
        command.Options.Add(rawCells);
        var splinkModel = SplinkModelRun.CreateOption();
        command.Options.Add(splinkModel);
        var splinkTf = SplinkModelRun.CreateTermFrequencyOption();
        command.Options.Add(splinkTf);
        Option[] splinkOptions = [splinkModel, splinkTf, output, threshold, explain, rawCells, quiet];

        command.SetAction((parseResult, cancellationToken) => parseResult.GetValue(splinkModel) is null && parseResult.GetResult(splinkTf) is { Implicit: false }
            ? Task.FromResult(UsageError(parseResult, "error: --splink-tf applies to a Splink model: give --splink-model too."))
            : parseResult.GetValue(splinkModel) is { } splink
            ? Task.FromResult(RunSplink(parseResult, splinkOptions, splink.FullName, parseResult.GetValue(left)!.FullName,
                deduplicating ? null : parseResult.GetValue(right)!.FullName, parseResult.GetValue(output)?.FullName,
                parseResult.GetValue(threshold), parseResult.GetValue(explain), parseResult.GetValue(rawCells),
                [.. (parseResult.GetValue(splinkTf) ?? []).Select(f => f.FullName)]))
            : Task.FromResult(Execute(new Request(
            parseResult.GetValue(left)!.FullName,
            deduplicating ? null : parseResult.GetValue(right)!.FullName,
            parseResult.GetValue(output)?.FullName,
            parseResult.GetValue(clusters)?.FullName,
            parseResult.GetValue(inputs.Map) ?? [],
            deduplicating ? [] : parseResult.GetValue(inputs.MapLeft) ?? [],
            deduplicating ? [] : parseResult.GetValue(inputs.MapRight) ?? [],
            parseResult.GetValue(inputs.Sheet),
            parseResult.GetValue(inputs.NoHeader),
            parseResult.GetValue(rawCells),
            parseResult.GetValue(inputs.Format),
            deduplicating ? null : parseResult.GetValue(inputs.RightFormat),
            parseResult.GetValue(inputs.DateOrder),
            parseResult.GetValue(inputs.Model)?.FullName,
            parseResult.GetValue(inputs.NoTrain),
            parseResult.GetValue(inputs.Seed),
            !deduplicating && parseResult.GetValue(oneToOne),
            parseResult.GetValue(threshold),
            parseResult.GetValue(explain),
            parseResult.GetValue(report)?.FullName,
            parseResult.GetValue(showValues),
            parseResult.GetValue(asOf),
            parseResult.GetValue(truth)?.FullName,
            parseResult.GetValue(json)?.FullName,
            parseResult.GetValue(quiet),
            budget.Read(parseResult),
            review.Read(parseResult)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    private static int UsageError(ParseResult parseResult, string message)
    {
        parseResult.InvocationConfiguration.Error.WriteLine(message);
        return ExitCodes.Usage;
    }

    /// <summary>The <c>--splink-model</c> run, refusing the options it does not take (they belong to NhsIdentity models).</summary>
    private static int RunSplink(ParseResult parseResult, Option[] allowed, string model, string left, string? right, string? output,
        double? threshold, bool explain, bool rawCells, string[] termFrequencies)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var refused = parseResult.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>()
            .Where(o => !o.Implicit && !allowed.Contains(o.Option))
            .Select(o => o.Option.Name)
            .ToList();
        if (refused.Count > 0)
        {
            error.WriteLine($"error: --splink-model takes --splink-tf, --out, --threshold, --explain and --raw-cells only, not {string.Join(", ", refused)}.");
            return ExitCodes.Usage;
        }

        return SplinkModelRun.Execute(model, left, right, output, threshold, explain, rawCells, termFrequencies, parseResult.InvocationConfiguration.Output, error);
    }

    private sealed record Request(string Left, string? Right, string? Output, string? Clusters, string[] Map, string[] MapLeft, string[] MapRight, string? Sheet, bool NoHeader, bool RawCells, string? Format, string? RightFormat, string? DateOrder,
        string? Model, bool NoTrain, int Seed, bool OneToOne, double? Threshold, bool Explain, string? Report, bool ShowValues, string? AsOf, string? Truth,
        string? Json, bool Quiet, BudgetOptions.Values Budget, ReviewOptions.Values Review);

    private static int Execute(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParseDateOrder(request.DateOrder, error, out var order) || !TryParseFormats(request.Format, request.RightFormat, error, out var leftFormat, out var rightFormat))
        {
            return ExitCodes.Usage;
        }

        // The day the report's age bands are taken on: --as-of, else today (read once, here).
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        if (request.AsOf is { } day && (!RecordGroups.TryParseAsOf(day, out asOf) || request.Report is null))
        {
            error.WriteLine(request.Report is null ? "error: --as-of applies to the report: give --report too." : "error: --as-of takes a date as YYYY-MM-DD.");
            return ExitCodes.Usage;
        }

        if (request.Threshold is { } p && !(p > 0 && p <= 1))
        {
            error.WriteLine("error: --threshold must be a probability greater than 0 and at most 1.");
            return ExitCodes.Usage;
        }

        if (!request.Budget.TryApply(LinkOptions.Default with { OneToOne = request.OneToOne }, error, out var linkOptions))
        {
            return ExitCodes.Usage;
        }

        if (request.Report is null && request.ShowValues)
        {
            error.WriteLine("error: --report-show-values needs --report FILE.");
            return ExitCodes.Usage;
        }

        if (!request.Review.Check(error))
        {
            return ExitCodes.Usage;
        }

        if (!OutputGuard.Allows(
            [("--out", request.Output), ("--clusters", request.Clusters), ("--report", request.Report), ("--review-out", request.Review.Output),
                ("--review-html", request.Review.Html), ("--json", request.Json)],
            [(request.Right is null ? "the input" : "the left input", request.Left), ("the right input", request.Right), ("--model", request.Model),
                ("--truth", request.Truth), ("--review-decisions", request.Review.Decisions)],
            error))
        {
            return ExitCodes.Usage;
        }

        return WorkProgress.Run(request.Quiet, error, (progress, error) =>
        {
            long records = 0; // left plus right, for the budget's message
            try
            {
                var summary = request.Json is null ? null : new RunSummary(request.Right is null ? "dedupe" : "link")
                {
                    ModelSource = request.Model is not null ? "loaded" : request.NoTrain ? "default" : "trained",
                };
                var earlierDecisions = ReviewExport.ReadDecisions(request.Review, deduplicating: request.Right is null);
                var options = RecordSetOptions.Default with { DateOrder = order };
                var maps = new ColumnMaps(request.Map, request.MapLeft, request.MapRight, twoInputs: request.Right is not null);

                // The report and the review files show values and count groups: they keep the records read, in the
                // sets' order, rather than reading the inputs a second time.
                var keepRecords = request.Report is not null || request.Review.IsRequested;
                var leftInput = ReadWithProgress(progress, request.Left, request.Right is null ? "records" : "left", maps.Left, leftFormat, options, request.Output, error, keepRecords, request.NoHeader, request.Sheet, summary);
                var rightInput = request.Right is null ? leftInput : ReadWithProgress(progress, request.Right, "right", maps.Right, rightFormat, options, request.Output, error, keepRecords, request.NoHeader, request.Sheet, summary);
                var (left, right) = (leftInput.Set, rightInput.Set);
                maps.ThrowIfUnused(request.Right is null ? [maps.Left] : [maps.Left, maps.Right]);
                records = left.Count + (request.Right is null ? 0L : right.Count);
                var truth = request.Truth is null ? null : TruthReading.Read(request.Truth, RunIdsOf(left, request.Right is null ? null : right), leftSource: null, error);
                var fallbacks = new List<TrainingFallback>();
                var model = ChooseModel(request.Model, request.NoTrain, request.Seed, left, request.Right is null ? null : right, error, progress, cancellationToken,
                    fallbacks: fallbacks, maxPairsPerRecord: request.Budget.MaxPairsPerRecord, summary: summary);
                if (model is null)
                {
                    return ExitCodes.Invalid;
                }

                if (request.Threshold is { } threshold)
                {
                    model = model.WithPolicy(model.Policy.WithMatchThreshold(threshold));
                }

                ModelWarnings.Write(model, error);
                if (summary is not null)
                {
                    foreach (var line in ModelWarnings.Lines(model))
                    {
                        summary.AddWarning("model", line);
                    }
                }

                // Every output is a sink of one run: the pairs are blocked and scored once, and the outputs that need the
                // non-matches (the report, near misses for review) make the run keep them.
                var pairsFile = new PairsFileSink(request.Output, output, request.Explain, request.RawCells, error);
                var truthScore = truth is null ? null : new TruthScoreSink(truth, linkOptions, error);
                var sinks = new List<ILinkageSink> { pairsFile };
                if (request.Clusters is not null)
                {
                    sinks.Add(new ClustersFileSink(request.Clusters, request.RawCells, error));
                }

                if (truthScore is not null)
                {
                    sinks.Add(truthScore);
                }

                if (request.Review.IsRequested)
                {
                    sinks.Add(new ActionSink(request.Review.NearMisses > 0, outcome => ReviewExport.Write(request.Review, outcome.Left, outcome.Right,
                        leftInput.Records!, rightInput.Records!, outcome.Result.Pairs, outcome.Scored?.Pairs, request.Seed, earlierDecisions, request.RawCells,
                        deduplicating: request.Right is null, error)));
                }

                if (request.Report is not null)
                {
                    sinks.Add(new ActionSink(needsNonMatches: true, outcome =>
                        WriteReport(request, order, asOf, outcome, leftInput, rightInput, truthScore?.Score, fallbacks, error)));
                }

                var runner = new LinkageRunner(new LinkageRunOptions { Model = model, Link = linkOptions });
                LinkageOutcome run;
                using (var stage = progress.Begin("blocking and scoring pairs"))
                {
                    // The bar ends when the outputs start to be written (they print their own lines).
                    long scored = 0;
                    var ended = false;
                    var report = stage == WorkStage.None ? null : new SynchronousProgress<LinkageProgress>(p =>
                    {
                        if (p.Stage == LinkageStage.Scoring)
                        {
                            scored = p.Scoring.PairsScored;
                            stage.Report(p.Scoring.PairsScored, p.Scoring.CandidatePairs);
                        }
                        else if (p.Stage == LinkageStage.Sinks && !ended)
                        {
                            ended = true;
                            stage.Complete(scored);
                        }
                    });
                    run = request.Right is null
                        ? runner.Deduplicate(left, sinks, report, cancellationToken)
                        : runner.Link(left, right, sinks, report, cancellationToken);
                    if (!ended)
                    {
                        stage.Complete(run.Result.PairsCompared);
                    }
                }

                if (summary is not null)
                {
                    foreach (var warning in run.Result.BlockingReport.Warnings)
                    {
                        summary.AddWarning("blocking", warning);
                    }

                    summary.WriteFile(request.Json!, run.Result, linkOptions, records, pairsFile.Written,
                        run.Result.Pairs.Count(pair => pair.Decision == MatchDecision.Match), request.Clusters is null ? null : run.Clusters);
                    error.WriteLine("run summary: " + Path.GetFileName(request.Json));
                }

                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: every output is written to a temporary file and renamed only when complete, so a cancelled
                // run leaves the previous files (or none) in place, never a partial one.
                error.WriteLine("cancelled: no output was written.");
                return ExitCodes.Cancelled;
            }
            catch (PairBudgetExceededException exception)
            {
                // Thrown before any pair is scored, and every output is written after scoring: nothing is on disk.
                error.WriteLine(BudgetOptions.Describe(exception, request.Budget, records));
                return ExitCodes.BudgetExceeded;
            }
            catch (KeptPairBudgetExceededException exception)
            {
                error.WriteLine(BudgetOptions.Describe(exception, request.Budget, records));
                return ExitCodes.BudgetExceeded;
            }
            catch (IngestionException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
            }
            catch (ArgumentException exception) when (request.Truth is not null)
            {
                // From the evaluation library, reading the truth: an id assigned to two clusters. The message names no id.
                error.WriteLine("error: " + exception.Message);
                return ExitCodes.Invalid;
            }
        });
    }

    /// <summary>The options with the rules a budget left out removed: a skipped rule blocks nothing, so blocking recall
    /// against the truth is measured without it.</summary>
    internal static LinkOptions RulesRun(LinkOptions options, LinkResult result)
    {
        if (result.BlockingReport.SkippedRules == 0)
        {
            return options;
        }

        var rules = new List<Matching.Blocking.BlockingRule>();
        for (var r = 0; r < options.BlockingRules.Count; r++)
        {
            if (!result.BlockingReport.Rules[r].SkippedForPairBudget)
            {
                rules.Add(options.BlockingRules[r]);
            }
        }

        return options with { BlockingRules = rules };
    }

    /// <summary>The version with its commit shortened to 12 hex digits (<c>0.1.0+1935970c4e9f</c>).</summary>
    private static string? ShortVersion(string? version)
    {
        var plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return plus >= 0 && version!.Length > plus + 13 ? version[..(plus + 13)] : version;
    }

    private static void WriteReport(Request request, Demographics.DateOrder order, DateOnly asOf, LinkageOutcome outcome, ReadInput leftInput,
        ReadInput rightInput, TruthScore? truth, IReadOnlyList<TrainingFallback> fallbacks, TextWriter error)
    {
        var deduplicating = request.Right is null;
        var (left, right, kept) = (outcome.Left, outcome.Right, outcome.Result.Pairs);

        // The group table ("who is left unlinked") shows only counts; the report holds the records for display only
        // when values are to be shown.
        var groups = GroupTable.Measure(
            deduplicating ? [(leftInput.Counts.Label, leftInput.Records!)] : [(leftInput.Counts.Label, leftInput.Records!), (rightInput.Counts.Label, rightInput.Records!)],
            [.. kept.Select(pair => new LinkFileRow(left.GetId(pair.LeftIndex) ?? string.Empty, right.GetId(pair.RightIndex) ?? string.Empty,
                pair.Decision == MatchDecision.Match, pair.Probability))],
            truth?.Truth.Pairs, truth?.Truth.Unordered ?? false, asOf, order);
        var modelSource = request.Model is not null ? "model loaded from " + Path.GetFileName(request.Model)
            : request.NoTrain ? "built-in default model"
            : Invariant($"model trained on the input (seed {request.Seed})");
        if (request.Threshold is not null)
        {
            modelSource += Invariant($", match threshold {request.Threshold} (--threshold)");
        }

        var report = new LinkReport
        {
            IsDeduplication = deduplicating,
            Inputs = deduplicating ? [leftInput.Counts] : [leftInput.Counts, rightInput.Counts],
            ModelSource = modelSource,
            Model = outcome.Model,
            TrainingFallbacks = fallbacks,
            Left = left,
            Right = right,
            Scored = outcome.Scored!,
            Output = kept,
            Clusters = outcome.Clusters,
            Truth = truth,
            LeftRecords = request.ShowValues ? leftInput.Records : null,
            RightRecords = request.ShowValues ? rightInput.Records : null,
            Groups = groups,
            GroupsAsOf = asOf,
            ToolVersion = ShortVersion(typeof(LinkCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion),
        };
        LinkReportWriter.Write(request.Report!, report);
        error.WriteLine("report: " + Path.GetFileName(request.Report) + (request.ShowValues ? " (patient values shown)" : " (patient values masked)"));
    }

    /// <summary>Every record id of the inputs, for placing the truth's records on a side.</summary>
    private static RunIds RunIdsOf(RecordSet left, RecordSet? right)
    {
        static HashSet<string> Ids(RecordSet set)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < set.Count; i++)
            {
                if (set.GetId(i) is { } id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        return new RunIds(Ids(left), right is null ? null : Ids(right), AreWholeInputs: true);
    }

    /// <summary>The model to use: loaded, built in, or trained on the input.</summary>
    internal static MatchModel? ChooseModel(string? modelPath, bool noTrain, int seed, RecordSet left, RecordSet? right, TextWriter error,
        WorkProgress progress, CancellationToken cancellationToken, MatchModel? startingModel = null, List<TrainingFallback>? fallbacks = null,
        int maxPairsPerRecord = LinkOptions.DefaultMaxPairsPerRecord, IReadOnlyList<TrainingLabel>? labels = null, RunSummary? summary = null)
    {
        if (modelPath is not null)
        {
            var loaded = LoadModel(modelPath, error);
            if (loaded is not null)
            {
                error.WriteLine("model: " + Path.GetFileName(modelPath) + " " + loaded);
            }

            return loaded;
        }

        if (noTrain)
        {
            error.WriteLine("model: built-in default " + MatchModel.Default);
            return MatchModel.Default;
        }

        // A starting model brings its comparisons, thresholds, levels used and decision policy; training learns m,
        // u and the prior.
        // The run's per-record budget bounds training's stages too, so one option bounds the whole run.
        var options = TrainingOptions.Default with { Seed = seed, MaxPairsPerRecord = maxPairsPerRecord, Labels = labels ?? [] };
        options = startingModel is null ? options : options with { StartingModel = startingModel, Policy = startingModel.Policy };
        using var stage = progress.Begin("training the model");
        var report = stage == WorkStage.None ? null : new SynchronousProgress<TrainingProgress>(p =>
        {
            var (done, total) = TrainingPosition(p, linkage: right is not null);
            if (p.Stage == TrainingStage.WeighingCompetition)
            {
                stage.Describe("training the model: weighing competition among candidates");
            }

            stage.Report(done, total);
        });
        var trained = right is null
            ? ModelTrainer.Train(left, options, report, cancellationToken)
            : ModelTrainer.TrainLinkage(left, right, options, report, cancellationToken);
        stage.Complete();
        error.WriteLine("model: trained on the input: " + trained);
        TrainingWarnings.Write(trained, error, summary);
        fallbacks?.AddRange(trained.Fallbacks);
        return trained.Model;
    }

    /// <summary>Where training is on its bar: one step for the samples, one per training rule, and for a linkage one
    /// more for weighing competition among the candidates (it scores every candidate pair, so it takes a while).</summary>
    internal static (double Done, double Total) TrainingPosition(TrainingProgress progress, bool linkage)
    {
        var total = 1 + progress.Rules + (linkage ? 1 : 0);
        return progress.Stage switch
        {
            TrainingStage.SamplingRandomPairs => (0, total),
            TrainingStage.CountingDeterministicPairs => (0.5, total),
            TrainingStage.WeighingCompetition => (1 + progress.Rules, total),
            _ => (1 + progress.Rule + ((double)progress.Iteration / progress.MaxIterations), total),
        };
    }

    /// <summary>Reads a saved model, or says why it cannot (and returns null).</summary>
    internal static MatchModel? LoadModel(string modelPath, TextWriter error)
    {
        try
        {
            // A binary file (/dev/zero, a zip) is refused by what it is before the JSON reader buffers it whole.
            InputSniffer.ThrowIfNotText(modelPath, expectsCsv: false);
            using var stream = File.OpenRead(modelPath);
            return MatchModel.Load(stream);
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException or IngestionException)
        {
            error.WriteLine("error: the model cannot be read: " + exception.Message);
            return null;
        }
    }

    /// <summary><c>--quiet</c>: no progress bars (they are drawn only when standard error is a terminal anyway).</summary>
    internal static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "Draw no progress bars on standard error." };

    /// <summary>Reads and prepares one input as a progress stage (named by its file name, never its content).</summary>
    internal static RecordSet ReadWithProgress(WorkProgress progress, string path, string label, InputColumnMap map,
        InputFormat format, RecordSetOptions options, string? outputPath, TextWriter error, bool noHeader = false, string? sheet = null, RunSummary? summary = null) =>
        ReadWithProgress(progress, path, label, map, format, options, outputPath, error, keepRecords: false, noHeader, sheet, summary).Set;

    /// <summary>Reads and prepares one input as a progress stage, with its counts, and its records when
    /// <paramref name="keepRecords"/> (for the outputs that show values or count groups).</summary>
    internal static ReadInput ReadWithProgress(WorkProgress progress, string path, string label, InputColumnMap map,
        InputFormat format, RecordSetOptions options, string? outputPath, TextWriter error, bool keepRecords, bool noHeader, string? sheet, RunSummary? summary)
    {
        using var stage = progress.Begin("reading and preparing " + Path.GetFileName(path));
        // Without the raw records to keep, they are prepared as read and dropped batch by batch.
        PatientReadResult read;
        RecordSet set;
        if (keepRecords)
        {
            read = ReadRecords(path, label, map, format, outputPath, error, noHeader, sheet, summary);
            set = Prepare(read, options, error);
        }
        else
        {
            (set, read) = ReadAndPrepare(path, label, map, format, options, outputPath, error, noHeader, sheet, summary);
        }

        stage.Complete(set.Count);
        return new ReadInput(set, new ReportInput(label, Path.GetFileName(path), read.ItemsRead, read.Accepted, read.Rejected), keepRecords ? read.Records : null);
    }

    /// <summary>The rows written; with <paramref name="explain"/>, each comparison's level (or <c>missing</c>), then,
    /// when the run weighed it, the pair's standing among its records' candidates (<c>competition</c>): the pairwise
    /// levels alone do not account for a linked pair's weight.</summary>
    internal static List<LinkRow> ToRows(LinkageOutcome outcome, bool explain, out IReadOnlyList<string>? columns)
    {
        var (model, left, right, pairs) = (outcome.Model, outcome.Left, outcome.Right, outcome.Result.Pairs);
        var competition = CompetitionText.IsWeighed(model, linking: !outcome.IsDeduplication);
        columns = null;
        if (explain)
        {
            var names = new List<string>();
            foreach (var comparison in model.Comparisons)
            {
                names.Add(ColumnName(comparison.Comparison));
            }

            if (competition)
            {
                names.Add(CompetitionText.ColumnName);
            }

            columns = names;
        }

        var outcomes = new ComparisonOutcome[model.Comparisons.Count];
        var rows = new List<LinkRow>(pairs.Count);
        foreach (var pair in pairs)
        {
            (string, string)[]? explanation = null;
            if (explain)
            {
                model.Explain(left, pair.LeftIndex, right, pair.RightIndex, outcomes);
                explanation = new (string, string)[columns!.Count];
                for (var c = 0; c < outcomes.Length; c++)
                {
                    explanation[c] = (columns[c], outcomes[c].Missing == MissingSide.None ? outcomes[c].LevelName : "missing");
                }

                if (competition)
                {
                    explanation[^1] = (CompetitionText.ColumnName, CompetitionText.Name(pair.Competition));
                }
            }

            rows.Add(new LinkRow(left.GetId(pair.LeftIndex) ?? string.Empty, right.GetId(pair.RightIndex) ?? string.Empty,
                pair.Weight, pair.Probability, pair.Decision == MatchDecision.Match ? LinkDecision.Match : LinkDecision.Review, explanation));
        }

        return rows;
    }

    /// <summary>A comparison's column name in the files the tool writes, from its definition (<c>date_of_birth</c>).</summary>
    internal static string ColumnName(ComparisonKind kind) => ComparisonDefinition.Get(kind).ColumnName;

    internal static void ReportLinking(LinkResult result, long written, TextWriter error)
    {
        var matches = 0;
        foreach (var pair in result.Pairs)
        {
            matches += pair.Decision == MatchDecision.Match ? 1 : 0;
        }

        foreach (var rule in result.BlockingReport.Rules)
        {
            error.WriteLine(Invariant($"  blocking {rule.RuleName}: {rule.PairsProduced} new pairs, {rule.CumulativePairs} cumulative"));
        }

        foreach (var warning in result.BlockingReport.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        error.WriteLine(Invariant($"pairs compared: {result.PairsCompared}; written: {written} ({matches} match, {written - matches} review)"));
    }

    internal static void WriteClusters(string path, RecordSet left, RecordSet? right, Clusters clusters, bool rawCells, TextWriter error)
    {
        // The source column says which input each id came from: link's two extracts may use the same ids.
        var assignments = new List<ClusterRow>(clusters.RecordCount);
        for (var i = 0; i < clusters.RecordCount; i++)
        {
            var fromLeft = i < left.Count;
            var id = fromLeft ? left.GetId(i) : right!.GetId(i - left.Count);
            var source = right is null ? "records" : fromLeft ? "left" : "right";
            assignments.Add(new ClusterRow(source, id ?? string.Empty, clusters.GetClusterId(i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        LinkCsvWriter.WriteClusters(path, assignments, rawCells);
        error.WriteLine(Invariant($"clusters: {clusters.Count} persons from {clusters.RecordCount} records; {clusters.Conflicts.Count} links refused (different valid NHS numbers)"));
    }
}
