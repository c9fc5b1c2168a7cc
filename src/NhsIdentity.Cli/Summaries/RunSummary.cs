using System.Text.Json;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;

namespace NhsIdentity.Cli.Summaries;

/// <summary>
/// The run summary of <c>nhsid link</c>/<c>dedupe --json FILE</c> (schema <c>nhsid-run/1</c>, docs/json-schemas.md):
/// what the text summary on standard error says, gathered as the run goes and written as one document with the run's
/// other outputs.
/// </summary>
/// <remarks>Counts, file names, option values, rule names and warning codes only; a warning's text is the one printed
/// on standard error, which names no patient value.</remarks>
internal sealed class RunSummary
{
    /// <summary>The schema name and version written in every document.</summary>
    public const string Schema = "nhsid-run/1";

    /// <summary>The schema of <c>nhsid train --json FILE</c>, which shares the inputs and warnings sections.</summary>
    public const string TrainSchema = "nhsid-train/1";

    private readonly List<Input> inputs = [];
    private readonly List<(string Code, string Text)> warnings = [];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="command"><c>link</c>, <c>dedupe</c> or <c>train</c>.</param>
    public RunSummary(string command) => Command = command;

    /// <summary>Gets <c>link</c>, <c>dedupe</c> or <c>train</c>.</summary>
    public string Command { get; }

    /// <summary>Gets or sets where the model came from (<c>trained</c>, <c>loaded</c>, <c>default</c>).</summary>
    public string? ModelSource { get; set; }

    /// <summary>Records one input as read.</summary>
    public void AddInput(string label, string path, InputFormat format, PatientReadResult result)
    {
        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var rejection in result.Rejections)
        {
            var reason = rejection.Reason.ToString();
            byReason[reason] = byReason.GetValueOrDefault(reason) + 1;
        }

        inputs.Add(new Input(label, Path.GetFileName(path), format.Name, result.ItemName, result.ItemsRead, result.Accepted, result.Rejected, byReason,
            result.NhsNumbersRecoveredFromExcel, result.NhsNumbersLostToExcel, result.IdsAreRowNumbers));
    }

    /// <summary>Records a warning by a stable code and the text printed for it.</summary>
    public void AddWarning(string code, string text) => warnings.Add((code, text));

    /// <summary>Writes the document to <paramref name="path"/>, staged with the run's other outputs.</summary>
    public void WriteFile(string path, LinkResult result, LinkOptions options, long records, long written, long matches, Clusters? clusters) =>
        JsonSummary.WriteFile(path, Schema, json =>
        {
            json.WriteString("command", Command);
            WriteInputs(json);
            JsonSummary.WriteStringOrNull(json, "model", ModelSource);
            json.WriteNumber("pairsCompared", result.PairsCompared);
            json.WriteStartObject("written");
            json.WriteNumber("pairs", written);
            json.WriteNumber("match", matches);
            json.WriteNumber("review", written - matches);
            json.WriteEndObject();
            WriteClusters(json, clusters);
            WriteBlocking(json, result.BlockingReport);
            json.WriteStartObject("budget");
            json.WriteNumber("records", records);
            json.WriteNumber("maxPairsPerRecord", options.MaxPairsPerRecord);
            json.WriteNumber("pairBudget", options.PairBudget(records));
            json.WriteNumber("maxPairsPerBlock", options.MaxPairsPerBlock);
            json.WriteNumber("maxKeptPairsPerRecord", options.MaxKeptPairsPerRecord);
            json.WriteNumber("keptPairBudget", options.KeptPairBudget(records));
            json.WriteString("onBudget", options.OnPairBudgetExceeded == PairBudgetPolicy.SkipRule ? "skip-rule" : "stop");
            json.WriteEndObject();
            WriteWarnings(json);
        });

    /// <summary>Writes the <c>nhsid train --json FILE</c> document (schema <c>nhsid-train/1</c>): the inputs, the
    /// prior, each used level's m, u and weight by comparison and level name, a linkage model's competition levels, and the
    /// warnings.</summary>
    public void WriteTrainFile(string path, MatchModel model, bool startModel, long labels) =>
        JsonSummary.WriteFile(path, TrainSchema, json =>
        {
            json.WriteString("command", Command);
            WriteInputs(json);
            json.WriteBoolean("startModel", startModel);
            json.WriteNumber("labels", labels);
            json.WriteNumber("priorMatchProbability", model.PriorMatchProbability);
            json.WriteNumber("priorWeight", model.PriorWeight);
            json.WriteStartArray("comparisons");
            foreach (var comparison in model.Comparisons)
            {
                json.WriteStartObject();
                json.WriteString("comparison", LinkCommand.ColumnName(comparison.Comparison));
                json.WriteStartArray("levels");
                for (var level = 0; level < comparison.Levels.Count; level++)
                {
                    if (!comparison.IsLevelUsed(level))
                    {
                        continue;
                    }

                    var parameters = comparison.Levels[level];
                    json.WriteStartObject();
                    json.WriteString("level", comparison.Definition.Levels[level].Name);
                    json.WriteNumber("m", parameters.M);
                    json.WriteNumber("u", parameters.U);
                    json.WriteNumber("weight", parameters.Weight);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteCompetition(json, model.Competition);
            WriteWarnings(json);
        });

    /// <summary>The competition among a linkage's candidates, as its levels' m, u and weight (null when the model
    /// weighs pairs alone: a deduplication model, or a linkage that learned none).</summary>
    private static void WriteCompetition(Utf8JsonWriter json, CompetitionModel? competition)
    {
        if (competition is null)
        {
            json.WriteNull("competition");
            return;
        }

        json.WriteStartObject("competition");
        json.WriteNumber("competitorProbability", competition.CompetitorProbability);
        json.WriteStartArray("levels");
        foreach (var level in CompetitionText.Levels)
        {
            var parameters = competition[level];
            json.WriteStartObject();
            json.WriteString("level", CompetitionText.Name(level));
            json.WriteNumber("m", parameters.M);
            json.WriteNumber("u", parameters.U);
            json.WriteNumber("weight", parameters.Weight);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteClusters(Utf8JsonWriter json, Clusters? clusters)
    {
        if (clusters is null)
        {
            json.WriteNull("clusters");
            return;
        }

        json.WriteStartObject("clusters");
        json.WriteNumber("persons", clusters.Count);
        json.WriteNumber("records", clusters.RecordCount);
        json.WriteNumber("linksRefused", clusters.Conflicts.Count);
        json.WriteEndObject();
    }

    private static void WriteBlocking(Utf8JsonWriter json, BlockingReport report)
    {
        json.WriteStartObject("blocking");
        json.WriteNumber("totalPairs", report.TotalPairs);
        json.WriteNumber("skippedRules", report.SkippedRules);
        json.WriteNumber("cappedBlocks", report.CappedBlocks);
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.RuleName);
            json.WriteNumber("blocks", rule.Blocks);
            json.WriteNumber("newPairs", rule.PairsProduced);
            json.WriteNumber("cumulativePairs", rule.CumulativePairs);
            json.WriteNumber("cappedBlocks", rule.CappedBlocks);
            json.WriteBoolean("skippedForPairBudget", rule.SkippedForPairBudget);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteWarnings(Utf8JsonWriter json)
    {
        json.WriteStartArray("warnings");
        foreach (var (code, text) in warnings)
        {
            json.WriteStartObject();
            json.WriteString("code", code);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteInputs(Utf8JsonWriter json)
    {
        json.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            json.WriteStartObject();
            json.WriteString("label", input.Label);
            json.WriteString("file", input.FileName);
            json.WriteString("format", input.Format);
            json.WriteString("item", input.ItemName);
            json.WriteNumber("read", input.Read);
            json.WriteNumber("accepted", input.Accepted);
            json.WriteNumber("rejected", input.Rejected);
            json.WriteStartObject("rejectedByReason");
            foreach (var (reason, count) in input.RejectedByReason)
            {
                json.WriteNumber(reason, count);
            }

            json.WriteEndObject();
            json.WriteNumber("nhsNumbersRecoveredFromExcel", input.RecoveredFromExcel);
            json.WriteNumber("nhsNumbersLostToExcel", input.LostToExcel);
            json.WriteBoolean("idsAreRowNumbers", input.IdsAreRowNumbers);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private sealed record Input(string Label, string FileName, string Format, string ItemName, long Read, long Accepted, long Rejected,
        IReadOnlyDictionary<string, long> RejectedByReason, long RecoveredFromExcel, long LostToExcel, bool IdsAreRowNumbers);
}
