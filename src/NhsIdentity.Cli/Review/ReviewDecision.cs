namespace NhsIdentity.Cli.Review;

/// <summary>A reviewer's decision on one pair, as written in the <c>decision</c> column of a review or labels file.</summary>
internal enum ReviewDecision
{
    /// <summary>Empty: not decided yet. Excluded from scoring and training, and counted.</summary>
    None,

    /// <summary><c>match</c>: the two records are the same person.</summary>
    Match,

    /// <summary><c>non-match</c>: the two records are different people.</summary>
    NonMatch,

    /// <summary><c>unsure</c>: looked at, not decided. Excluded from scoring and training, and counted.</summary>
    Unsure,
}

/// <summary>The words of the <c>decision</c> column.</summary>
internal static class ReviewDecisionWords
{
    /// <summary>The allowed words, for messages and help.</summary>
    public const string Allowed = "match, non-match or unsure (or empty: not decided)";

    /// <summary>Parses a decision word (case and surrounding space ignored; <c>non_match</c>/<c>nonmatch</c> accepted).</summary>
    public static bool TryParse(string? word, out ReviewDecision decision)
    {
        switch (word?.Trim().ToLowerInvariant())
        {
            case null or "":
                decision = ReviewDecision.None;
                return true;
            case "match":
                decision = ReviewDecision.Match;
                return true;
            case "non-match" or "non_match" or "nonmatch" or "non match":
                decision = ReviewDecision.NonMatch;
                return true;
            case "unsure":
                decision = ReviewDecision.Unsure;
                return true;
            default:
                decision = ReviewDecision.None;
                return false;
        }
    }

    /// <summary>The word written for a decision (empty for none).</summary>
    public static string Word(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Match => "match",
        ReviewDecision.NonMatch => "non-match",
        ReviewDecision.Unsure => "unsure",
        _ => string.Empty,
    };
}
