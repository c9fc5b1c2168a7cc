namespace NhsIdentity.Cli.Ingestion;

/// <summary>The decision written for a scored pair.</summary>
internal enum LinkDecision
{
    /// <summary><c>match</c>: the pair is linked (above the match threshold).</summary>
    Match,

    /// <summary><c>review</c>: the pair needs a person to decide (between the review and match thresholds).</summary>
    Review,
}

/// <summary>One output row of <c>nhsid link</c>/<c>dedupe</c>: a scored pair, in plain values.</summary>
/// <param name="LeftId">The left record's id (for dedupe, either record of the pair).</param>
/// <param name="RightId">The right record's id.</param>
/// <param name="MatchWeight">The total match weight (log2 Bayes factor), written with four decimals.</param>
/// <param name="MatchProbability">The match probability, 0 to 1, written round-trippable.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Explanation">
/// Optional extra columns (name, value), for example per-comparison levels or weights; every row must give the same
/// names in the same order. Values must not be patient data unless the output is meant to carry it.
/// </param>
internal readonly record struct LinkRow(
    string LeftId,
    string RightId,
    double MatchWeight,
    double MatchProbability,
    LinkDecision Decision,
    (string Name, string Value)[]? Explanation = null);
