using System.Globalization;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Reporting;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>Writes the review file and page of a link or dedupe run (see <see cref="ReviewOptions"/>).</summary>
/// <remarks>Part of the link run rather than a command reading a links file afterwards: the near misses are
/// non-match pairs, which a links file never holds, and the values must come from the records the run read with its
/// own mapping and formats, which a links file does not record.</remarks>
internal static class ReviewExport
{
    /// <summary>Reads the earlier decisions (before the run's work, so a bad file fails fast).</summary>
    public static IReadOnlyList<ReviewLabel> ReadDecisions(ReviewOptions.Values options, bool deduplicating) =>
        options.Decisions is null ? [] : ReviewLabelReader.Read(options.Decisions, unordered: deduplicating);

    /// <summary>Selects the pairs, carries over earlier decisions and writes the outputs asked for.</summary>
    /// <param name="options">The review options.</param>
    /// <param name="left">The left (or only) prepared set.</param>
    /// <param name="right">The right prepared set (the same as <paramref name="left"/> for dedupe).</param>
    /// <param name="leftRecords">The left records as the run read them, in the set's order (for the values shown).</param>
    /// <param name="rightRecords">The right records as the run read them.</param>
    /// <param name="written">The pairs written (match and review).</param>
    /// <param name="scored">Every scored pair, for the near misses; null when none are asked for.</param>
    /// <param name="seed">The seed of the sampled matches.</param>
    /// <param name="earlier">Decisions to carry over.</param>
    /// <param name="rawCells">Whether cells are written as read (no CSV-injection quoting).</param>
    /// <param name="deduplicating">Whether the run is a dedupe (pairs have no fixed order).</param>
    /// <param name="error">Where the summary line goes.</param>
    public static void Write(ReviewOptions.Values options, RecordSet left, RecordSet right, IReadOnlyList<PatientRecord> leftRecords,
        IReadOnlyList<PatientRecord> rightRecords, IReadOnlyList<MatchPair> written, IReadOnlyList<MatchPair>? scored, int seed,
        IReadOnlyList<ReviewLabel> earlier, bool rawCells, bool deduplicating, TextWriter error)
    {
        var decided = new Dictionary<(string, string), ReviewLabel>();
        foreach (var label in earlier)
        {
            decided[(label.LeftId, label.RightId)] = label;
        }

        var pairs = new List<ReviewPair>();
        var carried = 0;
        foreach (var (pair, reason) in ReviewSelection.Select(written, scored, options.SampleMatches, options.NearMisses, seed))
        {
            var leftId = left.GetId(pair.LeftIndex) ?? string.Empty;
            var rightId = right.GetId(pair.RightIndex) ?? string.Empty;
            // A dedupe pair has no fixed order: an earlier run may have written it the other way round.
            var found = decided.TryGetValue((leftId, rightId), out var label) || (deduplicating && decided.TryGetValue((rightId, leftId), out label));
            carried += found && label.Decision != ReviewDecision.None ? 1 : 0;
            pairs.Add(new ReviewPair(leftId, rightId, reason, pair.Weight, pair.Probability, leftRecords[pair.LeftIndex], rightRecords[pair.RightIndex],
                found ? label.Decision : ReviewDecision.None, found ? label.Note : null, pair.Competition));
        }

        var fields = ReviewFields.Mapped(leftRecords, rightRecords);
        if (options.Output is not null)
        {
            ReviewCsvWriter.Write(options.Output, pairs, fields, rawCells);
        }

        if (options.Html is not null)
        {
            ReviewHtmlWriter.Write(options.Html, pairs, fields);
        }

        int Count(ReviewReason reason) => pairs.Count(p => p.Reason == reason);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review: {pairs.Count} pairs to decide ({Count(ReviewReason.Review)} review, {Count(ReviewReason.SampledMatch)} sampled matches, {Count(ReviewReason.SampledNearMiss)} near misses); {carried} decisions carried over from --review-decisions (patient values shown: handle the review files like the extracts)"));
    }
}
