namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// The two Double Metaphone codes of a name: the primary (the most likely pronunciation) and the alternate (for
/// example the Germanic or Slavic one: Smith is <c>SM0</c> / <c>XMT</c>). As in Philips' reference, the alternate
/// equals the primary when the name has no alternate pronunciation (Thompson is <c>TMPSN</c> / <c>TMPSN</c>).
/// </summary>
/// <remarks>
/// <c>default</c> is the empty code (both codes empty), the code of text without letters. <see cref="ToString"/>
/// gives only the lengths: a phonetic code still says something about a patient's name, so it is kept out of logs
/// and exception messages (read <see cref="Primary"/> and <see cref="Alternate"/> explicitly).
/// </remarks>
public readonly record struct DoubleMetaphoneCode
{
    private readonly string? _primary;
    private readonly string? _alternate;

    /// <summary>Creates a code pair.</summary>
    /// <param name="primary">The primary code.</param>
    /// <param name="alternate">The alternate code (pass the primary again when there is none).</param>
    /// <exception cref="ArgumentNullException">A code is <see langword="null"/>.</exception>
    public DoubleMetaphoneCode(string primary, string alternate)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(alternate);
        _primary = primary;
        _alternate = alternate;
    }

    /// <summary>The primary code (empty for <c>default</c> and for text without letters).</summary>
    public string Primary => _primary ?? string.Empty;

    /// <summary>The alternate code; equal to <see cref="Primary"/> when the name has no alternate pronunciation.</summary>
    public string Alternate => _alternate ?? string.Empty;

    /// <summary>Whether <see cref="Alternate"/> differs from <see cref="Primary"/>.</summary>
    public bool HasAlternate => !string.Equals(Primary, Alternate, StringComparison.Ordinal);

    /// <summary>Whether both codes are empty (the name had no letters).</summary>
    public bool IsEmpty => Primary.Length == 0 && Alternate.Length == 0;

    /// <summary>Whether the codes are equal, ordinally (<c>default</c> equals a pair of empty codes).</summary>
    /// <param name="other">The other code pair.</param>
    /// <returns><see langword="true"/> when both codes are equal.</returns>
    public bool Equals(DoubleMetaphoneCode other) =>
        string.Equals(Primary, other.Primary, StringComparison.Ordinal)
        && string.Equals(Alternate, other.Alternate, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(Primary), StringComparer.Ordinal.GetHashCode(Alternate));

    /// <summary>The lengths of the codes only, never the codes (they are derived from a name).</summary>
    /// <returns>For example <c>DoubleMetaphoneCode (primary 3 chars, alternate 3 chars)</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DoubleMetaphoneCode (primary {Primary.Length} chars, alternate {Alternate.Length} chars)");
}
