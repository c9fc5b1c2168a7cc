namespace NhsIdentity.Matching.Splink;

/// <summary>A level of an exported model that Splink's SQL does not reproduce exactly, and why
/// (<see cref="SplinkExport.InexactLevels"/>).</summary>
/// <param name="Comparison">The comparison's name (<c>Address</c>).</param>
/// <param name="Level">The level's name (<c>Similar90</c>), or <c>*</c> for every level of the comparison.</param>
/// <param name="Reason">Why, and what the export writes instead (model text only, never patient data).</param>
public sealed record SplinkExportNote(string Comparison, string Level, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Comparison} {Level}: {Reason}";
}
