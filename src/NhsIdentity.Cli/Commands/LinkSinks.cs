using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Reporting;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Linkage;

namespace NhsIdentity.Cli.Commands;

// The outputs of `nhsid link` and `nhsid dedupe`, each a sink of the library's LinkageRunner: the pairs are scored once
// and every output reads the same outcome (no second linker run, no second reading of the inputs).

/// <summary>An input as the run read it: its prepared set, its counts for the report, and (only when the report or the
/// review files need them) its records in the set's order.</summary>
internal sealed record ReadInput(RecordSet Set, ReportInput Counts, IReadOnlyList<PatientRecord>? Records);

/// <summary>The links file (<c>--out</c>, else standard output), then the run's summary lines on standard error.</summary>
internal sealed class PairsFileSink(string? path, TextWriter standardOutput, bool explain, bool rawCells, TextWriter error) : ILinkageSink
{
    /// <summary>Gets the rows written (match and review pairs).</summary>
    public long Written { get; private set; }

    public bool NeedsNonMatches => false;

    public void Consume(LinkageOutcome outcome, CancellationToken cancellationToken)
    {
        var rows = LinkCommand.ToRows(outcome, explain, out var columns);
        Written = path is null
            ? LinkCsvWriter.WritePairs(standardOutput, rows, columns, rawCells)
            : LinkCsvWriter.WritePairs(path, rows, columns, rawCells);
        LinkCommand.ReportLinking(outcome.Result, Written, error);
    }
}

/// <summary><c>--clusters</c>: <c>id,cluster_id,source</c> of the best-link clusters of the matches.</summary>
internal sealed class ClustersFileSink(string path, bool rawCells, TextWriter error) : ILinkageSink
{
    public bool NeedsNonMatches => false;

    public void Consume(LinkageOutcome outcome, CancellationToken cancellationToken) =>
        LinkCommand.WriteClusters(path, outcome.Left, outcome.IsDeduplication ? null : outcome.Right, outcome.Clusters, rawCells, error);
}

/// <summary><c>--truth</c>: precision, recall and F1 of the matches written, and blocking recall, on standard error;
/// kept for the report.</summary>
internal sealed class TruthScoreSink(RunTruth truth, LinkOptions options, TextWriter error) : ILinkageSink
{
    /// <summary>Gets the score, once consumed.</summary>
    public TruthScore? Score { get; private set; }

    public bool NeedsNonMatches => false;

    public void Consume(LinkageOutcome outcome, CancellationToken cancellationToken)
    {
        Score = TruthScore.Measure(truth, outcome.Left, outcome.IsDeduplication ? null : outcome.Right, LinkCommand.RulesRun(options, outcome.Result),
            outcome.Result.Pairs);
        foreach (var line in Score.Lines())
        {
            error.WriteLine(line);
        }
    }
}

/// <summary>A sink made from a method, for the outputs whose writers take more of the run's context than the outcome.</summary>
internal sealed class ActionSink(bool needsNonMatches, Action<LinkageOutcome> consume) : ILinkageSink
{
    public bool NeedsNonMatches => needsNonMatches;

    public void Consume(LinkageOutcome outcome, CancellationToken cancellationToken) => consume(outcome);
}
