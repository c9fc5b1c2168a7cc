namespace NhsIdentity.Cli.Review;

/// <summary>One row of a decisions (labels) file.</summary>
/// <param name="LeftId">The left record id.</param>
/// <param name="RightId">The right record id.</param>
/// <param name="Decision">The reviewer's decision (<see cref="ReviewDecision.None"/> when the cell is empty).</param>
/// <param name="Note">The reviewer's note, or null when the file has no note column or the cell is empty.</param>
internal readonly record struct ReviewLabel(string LeftId, string RightId, ReviewDecision Decision, string? Note);
