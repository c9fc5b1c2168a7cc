using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;

namespace NhsIdentity.Cli.Reporting;

/// <summary>What one input file contributed: counts only.</summary>
/// <param name="Label">The input's role (<c>left</c>, <c>right</c>, <c>records</c>).</param>
/// <param name="FileName">The file's name, without its folder.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="Accepted">Rows that became records.</param>
/// <param name="Rejected">Rows set aside as malformed.</param>
internal sealed record ReportInput(string Label, string FileName, long RowsRead, long Accepted, long Rejected);

/// <summary>
/// Everything the HTML report shows about one <c>nhsid link</c> or <c>dedupe</c> run, gathered by the command and
/// rendered by <see cref="LinkReportWriter"/>. Holds the record sets for ids and explanations; patient values are
/// held (in <see cref="LeftRecords"/>, <see cref="RightRecords"/>) only when the user asked to see them.
/// </summary>
internal sealed class LinkReport
{
    /// <summary>Gets whether the run deduplicated one extract (<see cref="Left"/> and <see cref="Right"/> are then
    /// the same set).</summary>
    public required bool IsDeduplication { get; init; }

    /// <summary>Gets the counts of each input, in command-line order.</summary>
    public required IReadOnlyList<ReportInput> Inputs { get; init; }

    /// <summary>Gets where the model came from (trained, loaded, default), in words without patient data.</summary>
    public required string ModelSource { get; init; }

    /// <summary>Gets the model that scored the pairs, with the policy actually used.</summary>
    public required MatchModel Model { get; init; }

    /// <summary>Gets what training could not estimate (levels that kept the starting model's values); empty when the
    /// model was loaded, built in, or estimated in full.</summary>
    public IReadOnlyList<NhsIdentity.Matching.Training.TrainingFallback> TrainingFallbacks { get; init; } = [];

    /// <summary>Gets the left records (the records, for a deduplication).</summary>
    public required RecordSet Left { get; init; }

    /// <summary>Gets the right records (the same set as <see cref="Left"/>, for a deduplication).</summary>
    public required RecordSet Right { get; init; }

    /// <summary>Gets a run that kept every scored pair, non-matches included: the histogram, the closest
    /// non-matches and the precision-recall sweep need them all.</summary>
    public required LinkResult Scored { get; init; }

    /// <summary>Gets the pairs written to the output (decision match or review).</summary>
    public required IReadOnlyList<MatchPair> Output { get; init; }

    /// <summary>Gets the best-link clusters of the output's matches, with the links they refused.</summary>
    public required Clusters Clusters { get; init; }

    /// <summary>Gets the run scored against the ground truth, or null when none was given.</summary>
    public TruthScore? Truth { get; init; }

    /// <summary>Gets the left input's records, in <see cref="Left"/>'s order, when values are shown; otherwise null.</summary>
    public IReadOnlyList<PatientRecord>? LeftRecords { get; init; }

    /// <summary>Gets the right input's records, in <see cref="Right"/>'s order, when values are shown; otherwise null.</summary>
    public IReadOnlyList<PatientRecord>? RightRecords { get; init; }

    /// <summary>Gets the "who is left unlinked" table of the written pairs (counts per group only), or null.</summary>
    public IReadOnlyList<Groups.GroupRow>? Groups { get; init; }

    /// <summary>Gets the day the table's ages were taken on.</summary>
    public DateOnly GroupsAsOf { get; init; }

    /// <summary>Gets the version of the tool that wrote the report, or null to leave it out.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Gets how many pairs each waterfall section explains. Default 6.</summary>
    public int SampleSize { get; init; } = 6;

    /// <summary>Gets whether patient values are shown.</summary>
    public bool ShowsValues => LeftRecords is not null && RightRecords is not null;

    /// <summary>The supplier id of a left record, or its row position when it had none.</summary>
    public string LeftId(int index) => Left.GetId(index) ?? HtmlText.Invariant($"#{index + 1}");

    /// <summary>The supplier id of a right record, or its row position when it had none.</summary>
    public string RightId(int index) => Right.GetId(index) ?? HtmlText.Invariant($"#{index + 1}");

    /// <summary>The match weight of a probability threshold (<c>log2(p / (1 - p))</c>); infinite at 0 and 1.</summary>
    public static double WeightOf(double probability) => Math.Log2(probability / (1 - probability));
}
