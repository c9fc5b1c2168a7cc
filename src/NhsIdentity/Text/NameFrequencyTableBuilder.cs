using System.Runtime.InteropServices;
using NhsIdentity.Internal;

namespace NhsIdentity.Text;

/// <summary>
/// Counts names from the data being linked and builds a <see cref="NameFrequencyTable"/>. Each name is normalised
/// with <see cref="Demographics.PersonName"/>; empty names and placeholders (<c>UNKNOWN</c>, <c>BABY</c>, ...) are
/// not counted. Adding a name already seen allocates nothing.
/// </summary>
/// <remarks>Not thread-safe: use one builder per thread, or lock around <see cref="Add(ReadOnlySpan{char})"/>.</remarks>
public sealed class NameFrequencyTableBuilder
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>The number of names counted so far (placeholders and empty names excluded).</summary>
    public long TotalCount => _total;

    /// <summary>Counts one occurrence of a name.</summary>
    /// <param name="name">The name as recorded; it is normalised first.</param>
    /// <returns><see langword="true"/> when the name was counted; <see langword="false"/> for an empty name or a placeholder.</returns>
    public bool Add(ReadOnlySpan<char> name) => Add(name, 1);

    /// <summary>Counts one occurrence of a name.</summary>
    /// <param name="name">The name as recorded; <see langword="null"/> is not counted.</param>
    /// <returns><see langword="true"/> when the name was counted; <see langword="false"/> for an empty name or a placeholder.</returns>
    public bool Add(string? name) => Add(name.AsSpan(), 1);

    /// <summary>Counts <paramref name="count"/> occurrences of a name (for tables of names with counts).</summary>
    /// <param name="name">The name as recorded; it is normalised first.</param>
    /// <param name="count">How many times the name occurs; must not be negative.</param>
    /// <returns><see langword="true"/> when the name was counted; <see langword="false"/> for an empty name, a placeholder or a count of 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public bool Add(ReadOnlySpan<char> name, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return false; // a name with no occurrences would set the floor (half the rarest count) to 0
        }

        var rented = PersonNameNormalizer.RentIfNeeded(name.Length, out var scratchLength);
        Span<char> scratch = rented ?? stackalloc char[scratchLength];
        var length = PersonNameNormalizer.Normalize(name, scratch[..scratchLength]);
        var normalized = scratch[..length];
        var counted = !Demographics.PersonName.IsPlaceholder(normalized);
        if (counted)
        {
            var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
            CollectionsMarshal.GetValueRefOrAddDefault(lookup, normalized, out _) += count;
            _total += count;
        }

        PersonNameNormalizer.Return(rented);
        return counted;
    }

    /// <summary>Builds the table from the names counted so far; the builder can go on counting.</summary>
    /// <returns>A new, immutable table.</returns>
    public NameFrequencyTable Build() => Build("data", _total);

    internal NameFrequencyTable Build(string version, long totalCount) =>
        new(new Dictionary<string, long>(_counts, StringComparer.Ordinal), Math.Max(totalCount, _total), version);
}
