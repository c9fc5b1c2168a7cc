using System.Globalization;
using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Cli.Review;

/// <summary>
/// Reads a decisions file: <c>left_id,right_id,decision</c> and optionally <c>note</c>, with any other columns ignored,
/// so the review file written by <c>nhsid link --review-out</c>, its decision column filled, is itself a decisions file.
/// </summary>
/// <remarks>Strict, like the other machine-read files (<see cref="SimpleCsvTable"/>): a malformed row, an empty id, a
/// decision word that is not one of <see cref="ReviewDecisionWords.Allowed"/>, or one pair given two different decisions
/// makes the file unusable, and the message names the file, the line and the problem, never a value (ids may be NHS
/// or hospital numbers; a mistyped decision could be anything pasted into the cell).</remarks>
internal static class ReviewLabelReader
{
    private static readonly string[] LeftIdNames = ["leftid", "uniqueidl", "idl"];
    private static readonly string[] RightIdNames = ["rightid", "uniqueidr", "idr"];

    /// <summary>Reads the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="unordered">Whether (a, b) and (b, a) are one pair, as in a deduplication: then a row deciding
    /// (b, a) after one deciding (a, b) is the same pair.</param>
    /// <returns>Its rows in file order, each pair once (a row repeating an earlier pair with the same decision is dropped).</returns>
    /// <exception cref="IngestionException">The file is missing, malformed, lacks a column, or has a bad row.</exception>
    public static IReadOnlyList<ReviewLabel> Read(string path, bool unordered = false)
    {
        var labels = new List<ReviewLabel>();
        var seen = new Dictionary<(string, string), (ReviewDecision Decision, int Line)>();
        var hasNote = false;
        SimpleCsvTable.Read(
            path,
            header =>
            {
                var left = SimpleCsvTable.Find(header, LeftIdNames);
                var right = SimpleCsvTable.Find(header, RightIdNames);
                var decision = SimpleCsvTable.Find(header, "decision");
                if (left < 0 || right < 0 || decision < 0)
                {
                    throw new IngestionException($"{path} is not a decisions file: it needs left_id, right_id and decision columns.");
                }

                var note = SimpleCsvTable.Find(header, "note");
                hasNote = note >= 0;
                return [left, right, decision, Math.Max(note, 0)];
            },
            (line, values) =>
            {
                var leftId = RequireId(values[0], path, line, "left_id");
                var rightId = RequireId(values[1], path, line, "right_id");
                if (!ReviewDecisionWords.TryParse(values[2], out var decision))
                {
                    throw new IngestionException(Invariant($"{path}, line {line}: the decision is not {ReviewDecisionWords.Allowed}."));
                }

                var key = unordered && string.CompareOrdinal(leftId, rightId) > 0 ? (rightId, leftId) : (leftId, rightId);
                if (seen.TryGetValue(key, out var earlier))
                {
                    if (earlier.Decision != decision)
                    {
                        throw new IngestionException(Invariant($"{path}, line {line}: the same pair as line {earlier.Line} with a different decision."));
                    }

                    return;
                }

                seen[key] = (decision, line);
                labels.Add(new ReviewLabel(leftId, rightId, decision, hasNote && !string.IsNullOrEmpty(values[3]) ? values[3] : null));
            });
        return labels;
    }

    /// <summary>The decided labels (match or non-match) for training; undecided and unsure rows are left out.</summary>
    public static IReadOnlyList<NhsIdentity.Matching.Training.TrainingLabel> ToTrainingLabels(IReadOnlyList<ReviewLabel> labels) =>
        [.. labels.Where(l => l.Decision is ReviewDecision.Match or ReviewDecision.NonMatch)
            .Select(l => new NhsIdentity.Matching.Training.TrainingLabel(l.LeftId, l.RightId, l.Decision == ReviewDecision.Match))];

    // Ids go through CsvInjection.Restore: the review file neutralises ids as the links file does ('-12 for -12).
    private static string RequireId(string? value, string path, int line, string column) =>
        CsvInjection.Restore(value) ?? throw new IngestionException(Invariant($"{path}, line {line}: {column} is empty."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
