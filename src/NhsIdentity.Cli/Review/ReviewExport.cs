using System.Globalization;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Reporting;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>Writes the review file and page of a link or dedupe run (see <see cref="ReviewOptions"/>).</summary>
/// <remarks>Part of the link run rather than a command reading a links file afterwards: the near misses are
/// non-match pairs, which a links file never holds, and the values must come from the extracts read with the run's
/// own mapping and formats, which a links file does not record.</remarks>
internal static class ReviewExport
{
    /// <summary>The extracts as the run read them, for the values shown.</summary>
    /// <param name="Left">The left (or only) input's path.</param>
    /// <param name="Right">The right input's path, or null for dedupe.</param>
    /// <param name="LeftMap">The left (or only) input's column mapping (<c>--map</c> and <c>--map-left</c>).</param>
    /// <param name="RightMap">The right input's column mapping (<c>--map</c> and <c>--map-right</c>).</param>
    /// <param name="LeftFormat">The left input's format.</param>
    /// <param name="RightFormat">The right input's format.</param>
    /// <param name="NoHeader">Whether the inputs have no header row.</param>
    /// <param name="Sheet">The worksheet of an xlsx input (<c>--sheet</c>), or null for the first.</param>
    internal sealed record Inputs(string Left, string? Right, InputColumnMap LeftMap, InputColumnMap RightMap, InputFormat LeftFormat, InputFormat RightFormat,
        bool NoHeader, string? Sheet);

    /// <summary>Reads the earlier decisions (before the run's work, so a bad file fails fast).</summary>
    public static IReadOnlyList<ReviewLabel> ReadDecisions(ReviewOptions.Values options, bool deduplicating) =>
        options.Decisions is null ? [] : ReviewLabelReader.Read(options.Decisions, unordered: deduplicating);

    /// <summary>Selects the pairs, carries over earlier decisions and writes the outputs asked for.</summary>
    public static void Write(ReviewOptions.Values options, Inputs inputs, RecordSet left, RecordSet right, IReadOnlyList<MatchPair> written,
        IReadOnlyList<MatchPair>? scored, int seed, IReadOnlyList<ReviewLabel> earlier, bool rawCells, TextWriter error)
    {
        var deduplicating = inputs.Right is null;
        var (_, leftRecords) = ReportSources.ReadInput(inputs.Left, deduplicating ? "records" : "left", inputs.LeftMap, inputs.LeftFormat, keepRecords: true, inputs.NoHeader, inputs.Sheet);
        var rightRecords = deduplicating ? leftRecords
            : ReportSources.ReadInput(inputs.Right!, "right", inputs.RightMap, inputs.RightFormat, keepRecords: true, inputs.NoHeader, inputs.Sheet).Records;
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
            pairs.Add(new ReviewPair(leftId, rightId, reason, pair.Weight, pair.Probability, leftRecords![pair.LeftIndex], rightRecords![pair.RightIndex],
                found ? label.Decision : ReviewDecision.None, found ? label.Note : null, pair.Competition));
        }

        var fields = ReviewFields.Mapped(leftRecords!, rightRecords!);
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
