using System.Text.Json;
using NhsIdentity.Cli.Groups;
using NhsIdentity.Cli.Review;
using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Cli.Summaries;

/// <summary>
/// <c>nhsid evaluate --json</c>: one document of schema <c>nhsid-evaluate/1</c> (docs/json-schemas.md) with the same
/// figures as the text lines: the counts, precision, recall and F1, what they were scored against, and with
/// <c>--labels</c> the 95% Wilson intervals and the label counts.
/// </summary>
/// <remarks>Counts and the truth's description (file kind and source names) only, never an id.</remarks>
internal static class EvaluateJson
{
    /// <summary>The schema name and version written in every document.</summary>
    public const string Schema = "nhsid-evaluate/1";

    /// <summary>Writes the document of a run scored against ground truth (<c>--truth</c>).</summary>
    public static void WriteTruth(TextWriter output, long linkRows, long predicted, long truthPairs, int truthFiles, string description, bool unordered, LinkageMetrics metrics,
        IReadOnlyList<GroupRow>? groups, DateOnly asOf) =>
        JsonSummary.Write(output, Schema, json =>
        {
            json.WriteString("scoredAgainst", "truth");
            WriteLinks(json, linkRows, predicted, unordered);
            json.WriteStartObject("truth");
            json.WriteNumber("files", truthFiles);
            json.WriteNumber("pairs", truthPairs);
            json.WriteString("form", description.Trim('(', ')'));
            json.WriteEndObject();
            json.WriteNull("labels");
            WriteScores(json, metrics.TruePositives, metrics.FalsePositives, metrics.FalseNegatives, trueNegatives: null, metrics.Precision, metrics.Recall, metrics.F1);
            WriteGroups(json, groups, asOf);
        });

    /// <summary>Writes the document of a run scored against reviewers' decisions (<c>--labels</c>).</summary>
    public static void WriteLabels(TextWriter output, long linkRows, long predicted, long labelRows, bool unordered, LabelScore score, IReadOnlyList<GroupRow>? groups,
        DateOnly asOf) =>
        JsonSummary.Write(output, Schema, json =>
        {
            json.WriteString("scoredAgainst", "labels");
            WriteLinks(json, linkRows, predicted, unordered);
            json.WriteNull("truth");
            json.WriteStartObject("labels");
            json.WriteNumber("rows", labelRows);
            json.WriteNumber("labelledMatch", score.TruePositives + score.FalseNegatives);
            json.WriteNumber("labelledNonMatch", score.FalsePositives + score.TrueNegatives);
            json.WriteNumber("excludedUnsure", score.Unsure);
            json.WriteNumber("excludedUndecided", score.Undecided);
            WriteInterval(json, "precisionInterval95", WilsonInterval.Of(score.TruePositives, score.TruePositives + score.FalsePositives));
            WriteInterval(json, "recallInterval95", WilsonInterval.Of(score.TruePositives, score.TruePositives + score.FalseNegatives));
            json.WriteEndObject();
            WriteScores(json, score.TruePositives, score.FalsePositives, score.FalseNegatives, score.TrueNegatives, score.Precision, score.Recall, score.F1);
            WriteGroups(json, groups, asOf);
        });

    /// <summary>The "who is left unlinked" table (<c>--left-input</c>), or null without inputs.</summary>
    private static void WriteGroups(Utf8JsonWriter json, IReadOnlyList<GroupRow>? groups, DateOnly asOf)
    {
        if (groups is null)
        {
            json.WriteNull("groups");
            return;
        }

        json.WriteStartObject("groups");
        json.WriteString("agesOn", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartArray("rows");
        foreach (var row in groups)
        {
            json.WriteStartObject();
            json.WriteString("input", row.Input);
            json.WriteString("dimension", row.Dimension);
            json.WriteString("group", row.Group);
            json.WriteNumber("records", row.Records);
            json.WriteNumber("linked", row.Linked);
            json.WriteNumber("review", row.InReview);
            json.WriteNumber("unlinked", row.Unlinked);
            json.WriteNumber("truePairs", row.TruePairs);
            json.WriteNumber("foundPairs", row.FoundPairs);
            JsonSummary.WriteNumberOrNull(json, "recall", row.Recall);

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter json, long rows, long predicted, bool unordered)
    {
        json.WriteStartObject("links");
        json.WriteNumber("rows", rows);
        json.WriteNumber("matchRows", predicted);
        json.WriteEndObject();
        json.WriteString("pairOrder", unordered ? "ignoringOrder" : "leftRight");
    }

    private static void WriteScores(Utf8JsonWriter json, long tp, long fp, long fn, long? trueNegatives, double precision, double recall, double f1)
    {
        json.WriteNumber("truePositives", tp);
        json.WriteNumber("falsePositives", fp);
        json.WriteNumber("falseNegatives", fn);
        JsonSummary.WriteNumberOrNull(json, "trueNegatives", trueNegatives);
        json.WriteNumber("precision", precision);
        json.WriteNumber("recall", recall);
        json.WriteNumber("f1", f1);
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, (double Low, double High) interval)
    {
        json.WriteStartObject(name);
        json.WriteNumber("low", interval.Low);
        json.WriteNumber("high", interval.High);
        json.WriteEndObject();
    }
}
