using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

/// <summary>
/// A valid UK postcode (or the documented <see cref="Empty"/> value), stored as one packed integer so that
/// equality, ordering, hashing and part comparisons are integer operations.
/// </summary>
/// <remarks>
/// <para>
/// An instance can only hold a postcode that passes the format rules of Royal Mail and BS 7666: one of the six
/// shapes <c>A9 9AA</c>, <c>A99 9AA</c>, <c>AA9 9AA</c>, <c>AA99 9AA</c>, <c>A9A 9AA</c>, <c>AA9A 9AA</c>, with
/// Q, V, X never first; I, J, Z never second; only ABCDEFGHJKPSTUW third in <c>A9A</c>; only ABEHMNPRVWXY fourth
/// in <c>AA9A</c>; and C, I, K, M, O, V never in the inward code (Wikipedia, "Postcodes in the United Kingdom",
/// Formatting and Validation; MRS "Postcode format" sheet after the Royal Mail PAF Programmers' Guide). The
/// special cases <c>GIR 0AA</c>, <c>BFPO</c> numbers, the overseas territories' <c>1ZZ</c> codes and the NHS
/// <c>ZZ99</c> pseudo-postcodes are accepted explicitly and told apart by <see cref="Kind"/>. The format is
/// checked, not existence: a well-formed postcode that Royal Mail never issued parses.
/// </para>
/// <para>
/// <c>default(Postcode)</c> is <see cref="Empty"/>: <see cref="IsEmpty"/> is <see langword="true"/>,
/// <see cref="Kind"/> is <see cref="PostcodeKind.None"/>, it formats as an empty string in every format, sorts
/// before every postcode, and has no part keys (<see cref="GetPartKey(PostcodePart)"/> returns 0).
/// </para>
/// <para>
/// <b>Repairs.</b> The default <see cref="PostcodeStyles.Lenient"/> parse upper-cases, ignores spaces and repairs
/// O/0 and I/1 typed in a position where only the look-alike can be valid: a digit 0 or 1 where a letter must be
/// (the first character; the second of a four-character outward code, 0 only) becomes O or I, and a letter O or I
/// where a digit must be (the inward digit; the district digits; a third or fourth outward position where O and I
/// are not valid letters) becomes 0 or 1. A repair is only made where the text as typed cannot be valid, so it
/// never turns one valid postcode into another. L is <em>not</em> repaired to 1: L is a valid letter in most
/// positions (the L area, inward L), and after case folding a typed <c>l</c> cannot be told from <c>L</c>.
/// Zeros in the inward letters are not repaired either, because O and I are never inward letters.
/// </para>
/// <para>
/// <b>Ordering.</b> By <see cref="Kind"/> (geographic first), then, for geographic postcodes, exactly as their
/// canonical <c>OUT IN</c> text compares ordinally (<c>A1 1AA</c> &lt; <c>A10 1AA</c> &lt; <c>A1A 1AA</c>
/// &lt; <c>AB1 1AA</c>); BFPO postcodes by number.
/// </para>
/// <para>
/// <b>Privacy.</b> A postcode is part of an address. <see cref="ToString()"/> gives the canonical postcode, as a
/// value type should, but no exception message of this type ever contains the text that was parsed.
/// </para>
/// <para>
/// The type is an immutable 8-byte value; all members are thread-safe. Parsing, validation, formatting into spans,
/// comparison and part keys allocate nothing; only the <see cref="string"/>-returning members allocate.
/// </para>
/// </remarks>
public readonly partial struct Postcode : IEquatable<Postcode>, IComparable<Postcode>, IComparable
{
    private readonly ulong _bits;

    private Postcode(ulong bits) => _bits = bits;

    /// <summary>The empty value, equal to <c>default(Postcode)</c>: holds no postcode.</summary>
    public static Postcode Empty => default;

    /// <summary>Whether this is <see cref="Empty"/> (holds no postcode).</summary>
    public bool IsEmpty => _bits == 0;

    /// <summary>What sort of postcode this is; <see cref="PostcodeKind.None"/> for <see cref="Empty"/>.</summary>
    public PostcodeKind Kind => (PostcodeKind)(_bits >> PostcodeEncoding.KindShift);

    /// <summary>
    /// Whether this is an NHS <c>ZZ99</c> pseudo-postcode (<see cref="PostcodeKind.Pseudo"/>): a record that the
    /// address is not known, the patient has no fixed abode, or lives abroad. Treat it as a missing postcode when
    /// matching; <see cref="SharesPart(Postcode, PostcodePart)"/> and <see cref="GetPartKey(PostcodePart)"/> already do.
    /// </summary>
    public bool IsPseudo => Kind == PostcodeKind.Pseudo;

    /// <summary>
    /// Whether this postcode locates an address usable for matching: not <see cref="Empty"/> and not a
    /// pseudo-postcode. Equivalent to <c>GetPartKey(PostcodePart.Unit) != 0</c>.
    /// </summary>
    public bool HasLocation => !IsEmpty && !IsPseudo;

    /// <inheritdoc/>
    public bool Equals(Postcode other) => _bits == other._bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Postcode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _bits.GetHashCode();

    /// <summary>Compares by kind, then in canonical text order (see the remarks on <see cref="Postcode"/>); <see cref="Empty"/> sorts first.</summary>
    /// <param name="other">The postcode to compare with.</param>
    /// <returns>Negative, zero or positive as this postcode sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(Postcode other) => _bits.CompareTo(other._bits);

    /// <summary>Compares with a boxed <see cref="Postcode"/>; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">A boxed <see cref="Postcode"/> or <see langword="null"/>.</param>
    /// <returns>Negative, zero or positive as this postcode sorts before, with or after <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Postcode"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Postcode other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type Postcode.", nameof(obj)),
    };

    /// <summary>Whether two postcodes are equal.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Postcode left, Postcode right) => left.Equals(right);

    /// <summary>Whether two postcodes differ.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Postcode left, Postcode right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(Postcode left, Postcode right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(Postcode left, Postcode right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(Postcode left, Postcode right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(Postcode left, Postcode right) => left.CompareTo(right) >= 0;
}
