namespace NhsIdentity.Matching.Training;

/// <summary>A pair of records a person has decided (clerical review): the same person or not.</summary>
/// <param name="LeftId">The left record's id (<see cref="RecordSet.GetId(int)"/>; either record for deduplication).</param>
/// <param name="RightId">The right record's id.</param>
/// <param name="IsMatch">Whether the reviewer decided the two records are the same person.</param>
/// <remarks>The ToString of a record struct would print the ids, which may be NHS or hospital numbers, so it prints
/// only the decision.</remarks>
public readonly record struct TrainingLabel(string LeftId, string RightId, bool IsMatch)
{
    /// <summary>Returns the decision only, never the ids.</summary>
    /// <returns><c>TrainingLabel(match)</c> or <c>TrainingLabel(non-match)</c>.</returns>
    public override string ToString() => IsMatch ? "TrainingLabel(match)" : "TrainingLabel(non-match)";
}
