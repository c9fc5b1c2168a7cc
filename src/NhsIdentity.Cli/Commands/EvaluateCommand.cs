using System.CommandLine;
using System.Globalization;
using NhsIdentity.Cli.Groups;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Review;
using NhsIdentity.Cli.Summaries;
using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid evaluate LINKS.csv --truth TRUTH.csv [--truth RIGHT_TRUTH.csv] [--dedupe] [--left-source NAME]</c>: scores a links file
/// against ground truth at pair level and prints precision, recall, F1 and the counts.
/// </summary>
/// <remarks>
/// <para>
/// LINKS is the output of <c>nhsid link</c>/<c>dedupe</c> (<c>left_id,right_id,...,decision</c>); only rows whose
/// decision is <c>match</c> count as predicted links (every row, when there is no decision column).
/// </para>
/// <para>
/// Truth, detected from the header: a pairs file (<c>left_id,right_id</c>), or a clusters file (<c>id,cluster_id</c>,
/// <c>id,person_id</c>, or Splink's <c>unique_id,...,cluster</c>), from which every within-cluster pair is true.
/// </para>
/// <para>
/// A clusters file with a source column (<c>source,id,person_id</c>, as <c>samples/data/truth.csv</c>) says which
/// extract each id belongs to, and ids are looked up per source (the same id may exist in both). For linkage only
/// pairs of a left-source and a right-source record are true, compared as (left, right); with <c>--dedupe</c> only
/// pairs within one source. The left source (the deduplicated source) is <c>--left-source NAME</c>, or else chosen
/// from the links file: the sources that hold the most of its left ids and right ids, ties going to the order the
/// sources first appear in the truth file; the choice is printed on standard error. The same code reads the truth
/// for <c>nhsid link --truth</c> (<see cref="TruthReading"/>), so both score a run alike.
/// </para>
/// <para>
/// Without a source column, give two clusters files for linkage, left then right (only pairs across them are true);
/// with one, pairs are compared ignoring order, since the file does not say which side an id is on.
/// </para>
/// <para>
/// Blocking recall (the share of true pairs that were ever candidate pairs) is not measured here: it needs the
/// extracts read and prepared exactly as the run read them, with its mapping, formats and blocking options, which
/// the links file does not record. <c>nhsid link --truth</c> has all of that and prints it, overall and per rule.
/// </para>
/// <para>
/// Output (standard output): <c>precision</c>, <c>recall</c>, <c>f1</c> (six decimals; precision is 1 when nothing
/// was predicted, recall 1 when the truth is empty), then <c>true_positives</c>, <c>false_positives</c>,
/// <c>false_negatives</c>. A summary of what was read goes to standard error. Exit code 0 when scored, 1 when a file
/// cannot be used (unreadable, empty, malformed, wrong columns), 2 for a usage error (missing file or a folder, bad
/// combination of options). With <c>--json</c> standard output holds instead one document of schema
/// <c>nhsid-evaluate/1</c> (<see cref="EvaluateJson"/>). Ids the CLI neutralised against CSV injection (<c>'-12</c>) are read as they were
/// (<c>-12</c>), so a links file scores against the extract's own truth.
/// Only ids and counts are printed, never patient details.
/// </para>
/// </remarks>
internal static class EvaluateCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>evaluate</c> command.</returns>
    public static Command Create()
    {
        var links = new Argument<FileInfo>("links")
        {
            Description = "Links CSV with left_id,right_id and optionally decision (only 'match' rows count).",
        };
        links.AcceptExistingOnly();
        var truth = new Option<FileInfo[]>("--truth", "-t")
        {
            Description = "Truth CSV: pairs (left_id,right_id) or clusters (id,cluster_id / id,person_id). Give two clusters files (left, right) to score linkage across two sources.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        truth.AcceptExistingOnly();
        var dedupe = new Option<bool>("--dedupe")
        {
            Description = "Deduplication of one source: (a, b) and (b, a) are the same pair.",
        };
        var leftSource = new Option<string?>("--left-source")
        {
            Description = "With a truth file that has a source column: the source of the links' left ids (the deduplicated source with --dedupe). Default: chosen from the links' ids.",
        };

        var labels = new Option<FileInfo>("--labels")
        {
            Description = "Instead of --truth: reviewers' decisions (left_id,right_id,decision with match, non-match or unsure; a filled-in --review-out file will do). Scores the labelled pairs only, with 95% Wilson intervals; undecided and unsure rows are left out and counted.",
        };
        labels.AcceptExistingOnly();
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON document (schema nhsid-evaluate/1, see docs/json-schemas.md) on standard output instead of the text lines.",
        };

        var leftInput = new Option<FileInfo>("--left-input")
        {
            Description = "The extract the links' left ids come from (read as link reads it: --format, --map, --sheet, --no-header, --date-order; the only one with --dedupe): adds the 'who is left unlinked' table, rates of linked, review and unlinked records (and recall, with --truth) by age band, sex, postcode area and name characters.",
        };
        leftInput.AcceptExistingOnly();
        var rightInput = new Option<FileInfo>("--right-input")
        {
            Description = "The extract the links' right ids come from (with --left-input, for a link).",
        };
        rightInput.AcceptExistingOnly();
        // The inputs are read as link reads them: the same format, map, sheet, header and date-order options.
        var reading = new MatchingInputs();
        var asOf = new Option<string?>("--as-of") { Description = "The day ages are taken on, YYYY-MM-DD (default: today, UTC)." };

        var command = new Command("evaluate", "Score a links file against ground truth (--truth) or reviewers' decisions (--labels): precision, recall, F1 and true/false positive and false negative counts.")
        {
            links,
            truth,
            labels,
            dedupe,
            leftSource,
            json,
            leftInput,
            rightInput,
            asOf,
        };
        reading.AddTo(command, withModel: false, withSeed: false);

        GroupInputs Groups(ParseResult parseResult) => new(parseResult.GetValue(leftInput)?.FullName, parseResult.GetValue(rightInput)?.FullName,
            parseResult.GetValue(reading.Map) ?? [], parseResult.GetValue(reading.MapLeft) ?? [], parseResult.GetValue(reading.MapRight) ?? [],
            parseResult.GetValue(reading.Sheet), parseResult.GetValue(reading.DateOrder), parseResult.GetValue(asOf))
        {
            Format = parseResult.GetValue(reading.Format),
            RightFormat = parseResult.GetValue(reading.RightFormat),
            NoHeader = parseResult.GetValue(reading.NoHeader),
        };

        command.SetAction(parseResult => parseResult.GetValue(labels) is { } labelsFile
            ? ExecuteWithLabels(parseResult.GetValue(links)!.FullName, labelsFile.FullName, parseResult.GetValue(truth) ?? [], parseResult.GetValue(dedupe),
                parseResult.GetValue(leftSource), parseResult.GetValue(json), Groups(parseResult), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error)
            : Execute(
            parseResult.GetValue(links)!.FullName,
            parseResult.GetValue(truth) ?? [],
            parseResult.GetValue(dedupe),
            parseResult.GetValue(leftSource),
            parseResult.GetValue(json),
            Groups(parseResult),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        return command;
    }

    private static int ExecuteWithLabels(string linksPath, string labelsPath, FileInfo[] truthFiles, bool dedupe, string? leftSource, bool json, GroupInputs groupInputs,
        TextWriter output, TextWriter error)
    {
        if (truthFiles.Length > 0 || leftSource is not null)
        {
            error.WriteLine("error: give --truth or --labels, not both (--left-source applies to --truth only).");
            return ExitCodes.Usage;
        }

        try
        {
            var rows = LinkFileReader.ReadLinks(linksPath);
            if (!groupInputs.TryRead(dedupe, error, out var inputs, out var asOf, out var order))
            {
                return ExitCodes.Usage;
            }

            var groups = groupInputs.Any ? GroupTable.Measure(inputs, rows, truth: null, truthUnordered: false, asOf, order) : null;
            if (groupInputs.Any)
            {
                GroupInputs.WarnOfUnknownIds(inputs, rows, error);
            }

            var labels = ReviewLabelReader.Read(labelsPath, unordered: dedupe);
            var score = LabelScore.Measure(rows, labels, dedupe);
            error.WriteLine(Invariant($"links: {rows.Count} rows; labels: {labels.Count} pairs, {labels.Count - score.Unsure - score.Undecided} decided match or non-match; scored over the labelled pairs only {(dedupe ? "ignoring order" : "as (left, right)")}"));
            if (json)
            {
                EvaluateJson.WriteLabels(output, rows.Count, rows.Count(row => row.IsMatch), labels.Count, dedupe, score, groups, asOf);
                return ExitCodes.Success;
            }

            foreach (var line in score.Lines())
            {
                output.WriteLine(line);
            }

            if (groups is not null)
            {
                GroupTableText.Write(output, groups, asOf, withTruth: false);
            }

            return ExitCodes.Success;
        }
        catch (IngestionException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
        }
    }

    private static int Execute(string linksPath, FileInfo[] truthFiles, bool dedupe, string? leftSource, bool json, GroupInputs groupInputs, TextWriter output,
        TextWriter error)
    {
        if (truthFiles.Length == 0)
        {
            error.WriteLine("error: give --truth FILE (ground truth) or --labels FILE (reviewers' decisions).");
            return ExitCodes.Usage;
        }

        if (truthFiles.Length > 2 || (truthFiles.Length == 2 && dedupe))
        {
            error.WriteLine("error: give one --truth file, or two clusters files (left, right) for linkage without --dedupe.");
            return ExitCodes.Usage;
        }

        try
        {
            var rows = LinkFileReader.ReadLinks(linksPath);
            if (!groupInputs.TryRead(dedupe, error, out var inputs, out var asOf, out var order))
            {
                return ExitCodes.Usage;
            }

            var predicted = new List<(string LeftId, string RightId)>();
            foreach (var row in rows)
            {
                if (row.IsMatch)
                {
                    predicted.Add((row.LeftId, row.RightId));
                }
            }

            if (!TryBuildTruth(truthFiles, dedupe, leftSource, rows, error, out var truthPairs, out var unordered, out var truthDescription))
            {
                return ExitCodes.Usage;
            }

            var metrics = LinkageEvaluation.Evaluate(predicted, truthPairs, unordered);
            var groups = groupInputs.Any ? GroupTable.Measure(inputs, rows, truthPairs, unordered, asOf, order) : null;
            if (groupInputs.Any)
            {
                GroupInputs.WarnOfUnknownIds(inputs, rows, error);
            }

            error.WriteLine(Invariant($"links: {rows.Count} rows, {predicted.Count} with decision match; truth: {truthPairs.Count} pairs {truthDescription}; pairs compared {(unordered ? "ignoring order" : "as (left, right)")}"));
            if (json)
            {
                EvaluateJson.WriteTruth(output, rows.Count, predicted.Count, truthPairs.Count, truthFiles.Length, truthDescription, unordered, metrics, groups, asOf);
                return ExitCodes.Success;
            }

            output.WriteLine(Invariant($"precision: {metrics.Precision:F6}"));
            output.WriteLine(Invariant($"recall: {metrics.Recall:F6}"));
            output.WriteLine(Invariant($"f1: {metrics.F1:F6}"));
            output.WriteLine(Invariant($"true_positives: {metrics.TruePositives}"));
            output.WriteLine(Invariant($"false_positives: {metrics.FalsePositives}"));
            output.WriteLine(Invariant($"false_negatives: {metrics.FalseNegatives}"));
            if (groups is not null)
            {
                GroupTableText.Write(output, groups, asOf, withTruth: true);
            }

            return ExitCodes.Success;
        }
        catch (IngestionException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
        }
        catch (ArgumentException exception)
        {
            // From the evaluation library: an id assigned to two clusters. Its message names no id.
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.Invalid;
        }
    }

    private static bool TryBuildTruth(
        FileInfo[] truthFiles,
        bool dedupe,
        string? leftSource,
        IReadOnlyList<LinkFileRow> rows,
        TextWriter error,
        out IReadOnlyList<(string LeftId, string RightId)> pairs,
        out bool unordered,
        out string description)
    {
        if (truthFiles.Length == 2)
        {
            var first = LinkFileReader.ReadTruth(truthFiles[0].FullName);
            var second = LinkFileReader.ReadTruth(truthFiles[1].FullName);
            if (first.Kind == TruthFileKind.Pairs || second.Kind == TruthFileKind.Pairs || leftSource is not null)
            {
                error.WriteLine("error: with two --truth files both must be clusters files (id,cluster_id), left then right, and --left-source does not apply.");
                pairs = [];
                unordered = false;
                description = string.Empty;
                return false;
            }

            pairs = TruthPairs.FromClusters(ToMap(first.Clusters), ToMap(second.Clusters));
            unordered = false;
            description = "(across two clusters files)";
            return true;
        }

        var truth = TruthReading.Read(truthFiles[0].FullName, IdsOf(rows, dedupe), leftSource, error);
        pairs = truth.Pairs;
        unordered = truth.Unordered;
        description = "(" + truth.Description + ")";
        return true;
    }

    /// <summary>The ids in the links file on each side (both sides together, for a deduplication).</summary>
    private static RunIds IdsOf(IReadOnlyList<LinkFileRow> rows, bool dedupe)
    {
        var left = new HashSet<string>(StringComparer.Ordinal);
        var right = dedupe ? left : new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            left.Add(row.LeftId);
            right.Add(row.RightId);
        }

        return new RunIds(left, dedupe ? null : right, AreWholeInputs: false);
    }

    private static Dictionary<string, string> ToMap(IReadOnlyList<(string Id, string ClusterId)> assignments)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, cluster) in assignments)
        {
            if (map.TryGetValue(id, out var existing) && !string.Equals(existing, cluster, StringComparison.Ordinal))
            {
                // Not named: ids are often NHS numbers or hospital numbers.
                throw new IngestionException("A record id is assigned to two clusters (ids are not shown: they may be NHS or hospital numbers).");
            }

            map[id] = cluster;
        }

        return map;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
