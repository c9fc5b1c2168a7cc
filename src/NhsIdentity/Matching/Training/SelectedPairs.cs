namespace NhsIdentity.Matching.Training;

/// <summary>The pairs <see cref="TrainingPairs.Select"/> chose from one rule, and how many the rule has.</summary>
/// <param name="Left">Each chosen pair's left record position.</param>
/// <param name="Right">Each chosen pair's right record position (when deduplicating, the record whose hash is the
/// larger, so a pair is always compared the same way round).</param>
/// <param name="Available">The rule's pairs (those no earlier rule found, capped blocks left out): exact unless
/// <paramref name="Estimated"/>.</param>
/// <param name="Estimated">Whether <paramref name="Available"/> was estimated from a sample of records because the
/// rule has more pairs than the enumeration budget.</param>
/// <param name="CappedBlocks">Blocks left out for <see cref="TrainingOptions.MaxBlockSize"/> or
/// <see cref="TrainingOptions.MaxPairsPerBlock"/>.</param>
internal sealed record SelectedPairs(int[] Left, int[] Right, long Available, bool Estimated, int CappedBlocks)
{
    public int Count => Left.Length;

    /// <summary>Whether fewer pairs were compared than the rule has (the budget bit).</summary>
    public bool Sampled => Estimated || Count < Available;

    /// <summary>The level counts of the chosen pairs.</summary>
    public LevelTally Tally(MatchModel model, RecordSet left, RecordSet right, CancellationToken cancellationToken)
    {
        var tally = new LevelTally(model.ActiveComparisons.Length);
        Span<byte> codes = stackalloc byte[RecordSet.FieldSlots];
        for (var p = 0; p < Count; p++)
        {
            if ((p & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            model.Levels(left, Left[p], right, Right[p], codes);
            tally.Add(codes);
        }

        return tally;
    }
}
