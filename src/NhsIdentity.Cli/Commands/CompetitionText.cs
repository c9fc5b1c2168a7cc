using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// How the CLI names competition among a linkage's candidates (<see cref="MatchModel.Competition"/>) in the files and
/// pages it writes: the same level names as a saved model's <c>competition</c> (<c>unrivalled</c>,
/// <c>best_of_rivals</c>, <c>outranked</c>), so a links file, a training summary and the model read alike.
/// </summary>
internal static class CompetitionText
{
    /// <summary>The column of <c>--explain</c> and the comparison name in <c>nhsid train</c>'s weights.</summary>
    public const string ColumnName = "competition";

    /// <summary>The three weighed levels, in the order the model and every output list them.</summary>
    public static readonly IReadOnlyList<CandidateCompetition> Levels =
        [CandidateCompetition.Unrivalled, CandidateCompetition.BestOfRivals, CandidateCompetition.Outranked];

    /// <summary>Whether a run weighs competition: a link (two record sets) with a model that learned it. A
    /// deduplication never does, whatever the model holds (the library does not weigh it there).</summary>
    public static bool IsWeighed(MatchModel model, bool linking) => linking && model.Competition is not null;

    /// <summary>A level's name in files (<c>best_of_rivals</c>); <c>not_weighed</c> for a pair the linker did not
    /// weigh.</summary>
    public static string Name(CandidateCompetition level) => level switch
    {
        CandidateCompetition.Unrivalled => "unrivalled",
        CandidateCompetition.BestOfRivals => "best_of_rivals",
        CandidateCompetition.Outranked => "outranked",
        _ => "not_weighed",
    };

    /// <summary>A level's name in words, for the report (<c>best of rivals</c>).</summary>
    public static string Words(CandidateCompetition level) => Name(level).Replace('_', ' ');
}
