using System.CommandLine;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Training;
using static NhsIdentity.Cli.Commands.MatchingInputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid link LEFT.csv RIGHT.csv --out links.csv</c> and <c>nhsid dedupe RECORDS.csv --out pairs.csv</c>: read
/// supplier extracts, train a model on them (or load one), block, score and write the pairs whose decision is
/// <c>match</c> or <c>review</c>, with a summary of what happened on standard error.
/// </summary>
/// <remarks>
/// Output columns: <c>left_id,right_id,match_weight,match_probability,decision</c>, and with <c>--explain</c> one
/// column per comparison holding the level reached (<c>ExactFullName</c>, <c>missing</c>, ...). Rows come in a
/// deterministic order (left record, then right record) and are identical for the same input and seed. Only ids,
/// counts, column names and weights are printed, never patient details.
/// </remarks>
internal static class LinkCommand
{
    public static Command CreateLink() => Create(deduplicating: false);

    public static Command CreateDedupe() => Create(deduplicating: true);

    private static Command Create(bool deduplicating)
    {
        var inputs = new MatchingInputs();
        var left = new Argument<FileInfo>(deduplicating ? "records" : "left") { Description = deduplicating ? "The extract to deduplicate (CSV, or see --format)." : "The left extract (CSV, or see --format)." };
        left.AcceptExistingOnly();
        var right = new Argument<FileInfo>("right") { Description = "The right extract (format: --right-format, else --format)." };
        right.AcceptExistingOnly();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the pairs (CSV). Default: standard output." };
        var clusters = new Option<FileInfo?>("--clusters") { Description = "Also write id,cluster_id: best-link clusters of the matches, never joining two different valid NHS numbers." };
        var oneToOne = new Option<bool>("--one-to-one") { Description = "Each record links to at most one record of the other extract (greedy by weight)." };
        var threshold = new Option<double?>("--threshold") { Description = "Match probability threshold (default 0.99; reviews from 0.5)." };
        var explain = new Option<bool>("--explain") { Description = "Add one column per comparison with the level each pair reached." };

        var command = deduplicating
            ? new Command("dedupe", "Find records of the same person within one extract; optionally cluster them into persons.") { left }
            : new Command("link", "Link two supplier extracts: pairs of records of the same person, with weights, probabilities and decisions.") { left, right };
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

        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(new Request(
            parseResult.GetValue(left)!.FullName,
            deduplicating ? null : parseResult.GetValue(right)!.FullName,
            parseResult.GetValue(output)?.FullName,
            parseResult.GetValue(clusters)?.FullName,
            parseResult.GetValue(inputs.Map) ?? [],
            parseResult.GetValue(inputs.Format),
            deduplicating ? null : parseResult.GetValue(inputs.RightFormat),
            parseResult.GetValue(inputs.DateOrder),
            parseResult.GetValue(inputs.Model)?.FullName,
            parseResult.GetValue(inputs.NoTrain),
            parseResult.GetValue(inputs.Seed),
            !deduplicating && parseResult.GetValue(oneToOne),
            parseResult.GetValue(threshold),
            parseResult.GetValue(explain)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    private sealed record Request(string Left, string? Right, string? Output, string? Clusters, string[] Map, string? Format, string? RightFormat, string? DateOrder,
        string? Model, bool NoTrain, int Seed, bool OneToOne, double? Threshold, bool Explain);

    private static int Execute(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParseDateOrder(request.DateOrder, error, out var order) || !TryParseFormats(request.Format, request.RightFormat, error, out var leftFormat, out var rightFormat))
        {
            return ExitCodes.Usage;
        }

        if (request.Threshold is { } p && !(p > 0 && p <= 1))
        {
            error.WriteLine("error: --threshold must be a probability greater than 0 and at most 1.");
            return ExitCodes.Usage;
        }

        try
        {
            var options = RecordSetOptions.Default with { DateOrder = order };
            var left = Read(request.Left, request.Right is null ? "records" : "left", request.Map, leftFormat, options, request.Output, error);
            var right = request.Right is null ? left : Read(request.Right, "right", request.Map, rightFormat, options, request.Output, error);
            var model = ChooseModel(request.Model, request.NoTrain, request.Seed, left, request.Right is null ? null : right, error, cancellationToken);
            if (model is null)
            {
                return ExitCodes.Invalid;
            }

            if (request.Threshold is { } threshold)
            {
                model = model.WithPolicy(model.Policy with
                {
                    MatchProbability = threshold,
                    ReviewProbability = Math.Min(model.Policy.ReviewProbability, threshold),
                });
            }

            var linker = new Linker(model, LinkOptions.Default with { OneToOne = request.OneToOne });
            var result = request.Right is null ? linker.Deduplicate(left, cancellationToken) : linker.Link(left, right, cancellationToken);
            var rows = ToRows(model, left, right, result, request.Explain, out var explanationColumns);
            var written = request.Output is null
                ? LinkCsvWriter.WritePairs(output, rows, explanationColumns)
                : LinkCsvWriter.WritePairs(request.Output, rows, explanationColumns);
            ReportLinking(result, written, error);
            if (request.Clusters is not null)
            {
                WriteClusters(request.Clusters, left, request.Right is null ? null : right, result, error);
            }

            return ExitCodes.Success;
        }
        catch (IngestionException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return exception.IsUsageError ? ExitCodes.Usage : ExitCodes.Invalid;
        }
    }

    /// <summary>The model to use: loaded, built in, or trained on the input.</summary>
    internal static MatchModel? ChooseModel(
        string? modelPath, bool noTrain, int seed, RecordSet left, RecordSet? right, TextWriter error, CancellationToken cancellationToken)
    {
        if (modelPath is not null)
        {
            try
            {
                using var stream = File.OpenRead(modelPath);
                var loaded = MatchModel.Load(stream);
                error.WriteLine("model: " + Path.GetFileName(modelPath) + " " + loaded);
                return loaded;
            }
            catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: the model cannot be read: " + exception.Message);
                return null;
            }
        }

        if (noTrain)
        {
            error.WriteLine("model: built-in default " + MatchModel.Default);
            return MatchModel.Default;
        }

        var options = TrainingOptions.Default with { Seed = seed };
        var trained = right is null
            ? ModelTrainer.Train(left, options, cancellationToken)
            : ModelTrainer.TrainLinkage(left, right, options, cancellationToken);
        error.WriteLine("model: trained on the input: " + trained);
        return trained.Model;
    }

    private static List<LinkRow> ToRows(MatchModel model, RecordSet left, RecordSet right, LinkResult result, bool explain, out IReadOnlyList<string>? columns)
    {
        columns = null;
        if (explain)
        {
            var names = new List<string>();
            foreach (var comparison in model.Comparisons)
            {
                names.Add(ColumnName(comparison.Comparison));
            }

            columns = names;
        }

        var outcomes = new ComparisonOutcome[model.Comparisons.Count];
        var rows = new List<LinkRow>(result.Pairs.Count);
        foreach (var pair in result.Pairs)
        {
            (string, string)[]? explanation = null;
            if (explain)
            {
                model.Explain(left, pair.LeftIndex, right, pair.RightIndex, outcomes);
                explanation = new (string, string)[outcomes.Length];
                for (var c = 0; c < outcomes.Length; c++)
                {
                    explanation[c] = (columns![c], outcomes[c].Missing == MissingSide.None ? outcomes[c].LevelName : "missing");
                }
            }

            rows.Add(new LinkRow(left.GetId(pair.LeftIndex) ?? string.Empty, right.GetId(pair.RightIndex) ?? string.Empty,
                pair.Weight, pair.Probability, pair.Decision == MatchDecision.Match ? LinkDecision.Match : LinkDecision.Review, explanation));
        }

        return rows;
    }

    internal static string ColumnName(ComparisonKind kind) => kind switch
    {
        ComparisonKind.NhsNumber => "nhs_number",
        ComparisonKind.DateOfBirth => "date_of_birth",
        ComparisonKind.LocalIdentifier => "local_id",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void ReportLinking(LinkResult result, long written, TextWriter error)
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

    private static void WriteClusters(string path, RecordSet left, RecordSet? right, LinkResult result, TextWriter error)
    {
        var clusters = right is null ? Clusterer.BestLink(left, result.Pairs) : Clusterer.BestLinkAcross(left, right, result);
        var assignments = new List<(string Id, string ClusterId)>(clusters.RecordCount);
        for (var i = 0; i < clusters.RecordCount; i++)
        {
            var fromLeft = i < left.Count;
            var id = fromLeft ? left.GetId(i) : right!.GetId(i - left.Count);
            assignments.Add((id ?? string.Empty, clusters.GetClusterId(i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        LinkCsvWriter.WriteClusters(path, assignments);
        error.WriteLine(Invariant($"clusters: {clusters.Count} persons from {clusters.RecordCount} records; {clusters.Conflicts.Count} links refused (different valid NHS numbers)"));
    }
}
