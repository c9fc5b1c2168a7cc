using NhsIdentity.Demographics;
using NhsIdentity.Text;

namespace NhsIdentity.Matching;

/// <summary>How a <see cref="RecordSet"/> reads and prepares raw records. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>.</remarks>
public sealed record RecordSetOptions
{
    /// <summary>The options used when none are given.</summary>
    public static RecordSetOptions Default { get; } = new();

    /// <summary>
    /// Gets the order of day and month in ambiguous dates such as <c>03/04/1980</c>. Default
    /// <see cref="DateOrder.DayMonthYear"/>, the order UK supplier systems write.
    /// </summary>
    public DateOrder DateOrder { get; init; } = DateOrder.DayMonthYear;

    /// <summary>Gets the nickname table used for the <see cref="Comparisons.NameLevel.Nickname"/> level.
    /// Default <see cref="NicknameTable.Default"/>.</summary>
    public NicknameTable Nicknames { get; init; } = NicknameTable.Default;

    /// <summary>
    /// Gets the smallest number of records for which the set measures term frequencies from its own values.
    /// Default 1,000: below that, the relative frequency of a name says more about the sample than about the name,
    /// so smaller sets (a single record being looked up, say) make no term-frequency adjustment.
    /// </summary>
    public int MinimumRecordsForTermFrequencies { get; init; } = 1_000;
}
