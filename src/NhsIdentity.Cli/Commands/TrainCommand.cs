using System.CommandLine;
using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Progress;
using NhsIdentity.Cli.Review;
using NhsIdentity.Cli.Summaries;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using static NhsIdentity.Cli.Commands.MatchingInputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid train RECORDS.csv [RIGHT.csv] --model-out model.json</c>: trains a model without labels on one extract
/// (deduplication) or two (linkage) and saves it as JSON, printing each comparison level's weight (and a linkage model's
/// competition levels, see <see cref="CompetitionText"/>).
/// </summary>
/// <remarks>With <c>--labels FILE</c> (reviewers' decisions, see <see cref="ReviewLabelReader"/>) the labelled matches
/// count towards m as a posterior on top of the unsupervised estimate (<see cref="TrainingOptions.Labels"/>), then the
/// trained model scores each labelled pair and the threshold that best separates the labels is printed
/// (<see cref="LabelThreshold"/>). <c>--json FILE</c> also writes a summary of schema <c>nhsid-train/1</c>
/// (<see cref="RunSummary.WriteTrainFile"/>), committed with the model.</remarks>
internal static class TrainCommand
{
    public static Command Create()
    {
        var inputs = new MatchingInputs();
        var left = new Argument<FileInfo>("records") { Description = "The extract to train on (CSV); with a second file, the left extract." };
        left.AcceptExistingOnly();
        var right = new Argument<FileInfo?>("right") { Description = "The right extract, to train for linking two extracts.", Arity = ArgumentArity.ZeroOrOne };
        var modelOut = new Option<FileInfo>("--model-out") { Description = "Where to save the trained model (JSON).", Required = true };
        var startModel = new Option<FileInfo>("--start-model")
        {
            Description = "A model (JSON) to start from: its comparisons, thresholds, levels used and decision policy are kept; m, u and the prior are learned.",
        };
        startModel.AcceptExistingOnly();
        var labels = new Option<FileInfo>("--labels")
        {
            Description = "Reviewers' decisions (left_id,right_id,decision; a filled-in --review-out file will do): labelled matches refine the m-probabilities (a posterior on top of the unsupervised estimate, strength 50), and the match-probability threshold that best separates the labelled matches from the non-matches (highest F1) is reported.",
        };
        labels.AcceptExistingOnly();
        var splinkOut = new Option<FileInfo?>("--splink-model-out")
        {
            Description = "Also write the trained model as Splink 4 settings (JSON) over the columns nhsid prepare writes; the levels SQL cannot reproduce exactly are listed on standard error.",
        };
        var json = new Option<FileInfo?>("--json") { Description = "Also write a JSON summary to FILE (schema nhsid-train/1, see docs/json-schemas.md): inputs, prior, each level's m, u and weight, warnings. Counts and names only." };
        var command = new Command("train", "Train a match model on the data (unsupervised) and save it as JSON.") { left, right, modelOut, startModel };
        command.Options.Add(labels);
        command.Options.Add(json);
        command.Options.Add(splinkOut);
        inputs.AddTo(command, withModel: false);
        var quiet = LinkCommand.QuietOption();
        command.Options.Add(quiet);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(
            parseResult.GetValue(left)!.FullName,
            parseResult.GetValue(right)?.FullName,
            parseResult.GetValue(modelOut)!.FullName,
            parseResult.GetValue(startModel)?.FullName,
            parseResult.GetValue(labels)?.FullName,
            parseResult.GetValue(json)?.FullName,
            parseResult.GetValue(splinkOut)?.FullName,
            [parseResult.GetValue(inputs.Map) ?? [], parseResult.GetValue(inputs.MapLeft) ?? [], parseResult.GetValue(inputs.MapRight) ?? []],
            parseResult.GetValue(inputs.Sheet),
            parseResult.GetValue(inputs.NoHeader),
            parseResult.GetValue(inputs.Format),
            parseResult.GetValue(inputs.RightFormat),
            parseResult.GetValue(inputs.DateOrder),
            parseResult.GetValue(inputs.Seed),
            parseResult.GetValue(quiet),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    private static int Execute(string leftPath, string? rightPath, string modelOut, string? startModelPath, string? labelsPath, string? jsonPath, string? splinkPath, string[][] maps, string? sheet, bool noHeader, string? formatName, string? rightFormatName, string? dateOrder, int seed, bool quiet,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParseDateOrder(dateOrder, error, out var order) || !TryParseFormats(formatName, rightFormatName, error, out var leftFormat, out var rightFormat))
        {
            return ExitCodes.Usage;
        }

        if (rightPath is not null && !File.Exists(rightPath))
        {
            error.WriteLine("error: the right extract does not exist: " + rightPath);
            return ExitCodes.Usage;
        }

        if (!OutputGuard.Allows([("--model-out", modelOut), ("--json", jsonPath), ("--splink-model-out", splinkPath)],
            [(rightPath is null ? "the input" : "the left input", leftPath), ("the right input", rightPath), ("--start-model", startModelPath), ("--labels", labelsPath)], error))
        {
            return ExitCodes.Usage;
        }

        var start = startModelPath is null ? null : LinkCommand.LoadModel(startModelPath, error);
        if (startModelPath is not null && start is null)
        {
            return ExitCodes.Invalid;
        }

        return WorkProgress.Run(quiet, error, (progress, error) =>
        {
            try
            {
                // Read first: a bad labels file fails before minutes of training.
                var summary = jsonPath is null ? null : new RunSummary("train");
                var labels = labelsPath is null ? null : ReviewLabelReader.Read(labelsPath, unordered: rightPath is null);
                var options = RecordSetOptions.Default with { DateOrder = order };
                // maps: --map, --map-left, --map-right.
                var columnMaps = new ColumnMaps(maps[0], maps[1], maps[2], twoInputs: rightPath is not null);
                var left = LinkCommand.ReadWithProgress(progress, leftPath, rightPath is null ? "records" : "left", columnMaps.Left, leftFormat, options, modelOut, error, noHeader, sheet, summary);
                var right = rightPath is null ? null : LinkCommand.ReadWithProgress(progress, rightPath, "right", columnMaps.Right, rightFormat, options, modelOut, error, noHeader, sheet, summary);
                columnMaps.ThrowIfUnused(rightPath is null ? [columnMaps.Left] : [columnMaps.Left, columnMaps.Right]);
                var model = LinkCommand.ChooseModel(modelPath: null, noTrain: false, seed, left, right, error, progress, cancellationToken, start,
                    labels: labels is null ? null : ReviewLabelReader.ToTrainingLabels(labels), summary: summary)!;
                using (var file = new AtomicFileWriter(modelOut))
                {
                    file.Writer.Write(model.ToJson());
                    file.Commit();
                }

                if (splinkPath is not null)
                {
                    WriteSplink(model, splinkPath, error);
                }

                WriteWeights(model, output);
                if (summary is not null)
                {
                    summary.WriteTrainFile(jsonPath!, model, start is not null, labels?.Count ?? 0);
                    error.WriteLine("training summary: " + Path.GetFileName(jsonPath));
                }

                if (labels is not null)
                {
                    error.WriteLine(LabelThreshold.Find(model, left, right, labels).Describe(model.Policy.MatchProbability));
                }

                error.WriteLine("model saved to " + modelOut);
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("cancelled: no model was written.");
                return ExitCodes.Cancelled;
            }
            catch (IngestionException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
            }
        });
    }

    /// <summary>Writes the model's Splink settings and prints the export report (model text only).</summary>
    internal static void WriteSplink(MatchModel model, string path, TextWriter error)
    {
        var export = model.ToSplink();
        using (var file = new AtomicFileWriter(path))
        {
            file.Writer.Write(export.Json);
            file.Commit();
        }

        error.WriteLine(Invariant($"splink settings written to {Path.GetFileName(path)} (input: nhsid prepare's Parquet; {export.InexactLevels.Count} level notes)"));
        foreach (var note in export.InexactLevels)
        {
            error.WriteLine("  inexact: " + note);
        }
    }

    private static void WriteWeights(MatchModel model, TextWriter output)
    {
        output.WriteLine(Invariant($"prior {model.PriorMatchProbability:G4} (weight {model.PriorWeight:+0.00;-0.00})"));
        if (model.Competition is { } competition)
        {
            // The weights table has one column layout: competition's levels are rows of it, and the one number it has
            // no column for is said here.
            output.WriteLine(Invariant($"competition: a rival is another candidate from pairwise probability {competition.CompetitorProbability:G4}; its levels (last rows) add to a linked pair's weight"));
        }

        output.WriteLine("comparison,level,m,u,weight");
        foreach (var comparison in model.Comparisons)
        {
            for (var level = 0; level < comparison.Levels.Count; level++)
            {
                if (!comparison.IsLevelUsed(level))
                {
                    continue;
                }

                var parameters = comparison.Levels[level];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{LinkCommand.ColumnName(comparison.Comparison)},{comparison.Definition.Levels[level].Name},{parameters.M:G6},{parameters.U:G6},{parameters.Weight:F3}"));
            }
        }

        if (model.Competition is { } learned)
        {
            foreach (var level in CompetitionText.Levels)
            {
                var parameters = learned[level];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{CompetitionText.ColumnName},{CompetitionText.Name(level)},{parameters.M:G6},{parameters.U:G6},{parameters.Weight:F3}"));
            }
        }
    }
}
