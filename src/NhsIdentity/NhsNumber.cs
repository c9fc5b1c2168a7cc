using NhsIdentity.Internal;

namespace NhsIdentity;

/// <summary>
/// A valid ten-digit NHS number (or the documented <see cref="Empty"/> value): the identifier shared by NHS
/// England, NHS Wales and the Isle of Man, Scottish CHI numbers and Northern Ireland Health and Care numbers.
/// </summary>
/// <remarks>
/// <para>
/// An instance can only hold a number whose tenth digit is the modulus-11 check digit of the first nine
/// (NHS Data Dictionary, "NHS Number"; ISB 0149). Create one with <see cref="Parse(string)"/>,
/// <see cref="TryParse(ReadOnlySpan{char}, out NhsNumber)"/>, <see cref="FromBase(int)"/>,
/// <see cref="FromValue(long)"/> or an <see cref="NhsNumberGenerator"/>.
/// </para>
/// <para>
/// <c>default(NhsNumber)</c> is <see cref="Empty"/>: it holds no number, <see cref="IsEmpty"/> is
/// <see langword="true"/>, it formats as an empty string, compares less than every number, and
/// <see cref="Value"/>, <see cref="Base"/> and <see cref="CheckDigit"/> throw on it.
/// </para>
/// <para>
/// Repdigits (<c>000 000 0000</c> ... <c>999 999 9999</c>) pass the check and are valid by the standard, so they
/// parse; suppliers often type them as placeholders for "unknown", which <see cref="IsRepdigit"/> exposes.
/// </para>
/// <para>
/// The type is an immutable 8-byte value; all members are thread-safe. Parsing, validation and formatting
/// allocate nothing except the <see cref="string"/>-returning members.
/// </para>
/// </remarks>
public readonly partial struct NhsNumber : IEquatable<NhsNumber>, IComparable<NhsNumber>, IComparable
{
    /// <summary>The largest ten-digit value.</summary>
    private const long MaxValue = 9_999_999_999;

    // The number plus one, so that default(NhsNumber) (0) can mean Empty while 000 000 0000 stays representable.
    private readonly long _valuePlusOne;

    private NhsNumber(long value) => _valuePlusOne = value + 1;

    /// <summary>The empty value, equal to <c>default(NhsNumber)</c>: holds no number.</summary>
    public static NhsNumber Empty => default;

    /// <summary>Whether this is <see cref="Empty"/> (holds no number).</summary>
    public bool IsEmpty => _valuePlusOne == 0;

    /// <summary>The number as a ten-digit integer, 0 to 9 999 999 999 (leading zeros are not stored).</summary>
    /// <exception cref="InvalidOperationException">This is <see cref="Empty"/>.</exception>
    public long Value
    {
        get
        {
            if (_valuePlusOne == 0)
            {
                ThrowHelper.ThrowEmpty();
            }

            return _valuePlusOne - 1;
        }
    }

    /// <summary>The first nine digits (the base) as an integer, 0 to 999 999 999.</summary>
    /// <exception cref="InvalidOperationException">This is <see cref="Empty"/>.</exception>
    public int Base => (int)(Value / 10);

    /// <summary>The tenth digit: the modulus-11 check digit of <see cref="Base"/>.</summary>
    /// <exception cref="InvalidOperationException">This is <see cref="Empty"/>.</exception>
    public int CheckDigit => (int)(Value % 10);

    /// <summary>
    /// The issuing range of this number's base; <see cref="NhsNumberRegion.None"/> for <see cref="Empty"/>.
    /// The ranges and their sources are listed on <see cref="NhsNumberRegion"/>.
    /// </summary>
    public NhsNumberRegion Region => IsEmpty ? NhsNumberRegion.None : NhsNumberRanges.Classify(Base);

    /// <summary>
    /// Whether the number is in the 999 test range (<see cref="NhsNumberRegion.Test"/>), which is never issued to
    /// patients. <see langword="false"/> for <see cref="Empty"/>.
    /// </summary>
    public bool IsTestNumber => Region == NhsNumberRegion.Test;

    /// <summary>
    /// Whether all ten digits are the same (<c>000 000 0000</c>, <c>111 111 1111</c>, ... <c>999 999 9999</c>).
    /// These pass the modulus-11 check but are typed as "unknown" placeholders; treat them as missing when
    /// matching. <see langword="false"/> for <see cref="Empty"/>.
    /// </summary>
    public bool IsRepdigit => !IsEmpty && Value % 1_111_111_111 == 0;

    /// <summary>
    /// Creates a number from its nine-digit base by appending the check digit.
    /// </summary>
    /// <param name="nineDigitBase">The first nine digits, 0 to 999 999 999.</param>
    /// <returns>The valid number with that base.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nineDigitBase"/> is negative or above 999 999 999.</exception>
    /// <exception cref="ArgumentException">The base's check value is 10, so no valid number has it (about 1 base in 11).</exception>
    public static NhsNumber FromBase(int nineDigitBase)
    {
        if ((uint)nineDigitBase > Modulus11.MaxBase)
        {
            ThrowHelper.ThrowBaseOutOfRange(nameof(nineDigitBase));
        }

        var checkDigit = Modulus11.CheckDigitOfBase(nineDigitBase);
        if (checkDigit == Modulus11.NoCheckDigit)
        {
            ThrowHelper.ThrowBaseHasNoCheckDigit(nameof(nineDigitBase));
        }

        return new NhsNumber(((long)nineDigitBase * 10) + checkDigit);
    }

    /// <summary>
    /// Tries to create a number from its nine-digit base by appending the check digit.
    /// </summary>
    /// <param name="nineDigitBase">The first nine digits, 0 to 999 999 999.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="false"/> when the base is out of range or its check value is 10.</returns>
    public static bool TryFromBase(int nineDigitBase, out NhsNumber result)
    {
        if ((uint)nineDigitBase <= Modulus11.MaxBase)
        {
            var checkDigit = Modulus11.CheckDigitOfBase(nineDigitBase);
            if (checkDigit != Modulus11.NoCheckDigit)
            {
                result = new NhsNumber(((long)nineDigitBase * 10) + checkDigit);
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>
    /// Creates a number from its ten-digit integer value (for example a database column), checking the check digit.
    /// </summary>
    /// <param name="value">The number as an integer, 0 to 9 999 999 999.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is out of range or fails the check digit.</exception>
    public static NhsNumber FromValue(long value)
    {
        if (!TryFromValue(value, out var result))
        {
            ThrowHelper.ThrowValueOutOfRange(nameof(value));
        }

        return result;
    }

    /// <summary>
    /// Tries to create a number from its ten-digit integer value, checking the check digit.
    /// </summary>
    /// <param name="value">The number as an integer, 0 to 9 999 999 999.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="false"/> when the value is out of range or fails the check digit.</returns>
    public static bool TryFromValue(long value, out NhsNumber result)
    {
        if ((ulong)value <= MaxValue)
        {
            var nineDigitBase = (int)(value / 10);
            if (Modulus11.CheckDigitOfBase(nineDigitBase) == (int)(value - (nineDigitBase * 10L)))
            {
                result = new NhsNumber(value);
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>Creates a number from a value already known to be valid (internal callers only).</summary>
    internal static NhsNumber FromValidatedValue(long value) => new(value);

    /// <summary>
    /// Computes the check digit of nine ASCII digits (the base).
    /// </summary>
    /// <param name="nineDigits">Exactly nine ASCII digits.</param>
    /// <returns>The check digit 0..9, or -1 when the check value is 10 (no valid number has this base).</returns>
    /// <exception cref="ArgumentException"><paramref name="nineDigits"/> is not exactly nine ASCII digits.</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<char> nineDigits) => Modulus11.CheckDigitOfBase(ParseBase(nineDigits, nameof(nineDigits)));

    /// <summary>
    /// Computes the check digit of nine ASCII digits (the base) given as UTF-8.
    /// </summary>
    /// <param name="utf8NineDigits">Exactly nine ASCII digits, as UTF-8 bytes.</param>
    /// <returns>The check digit 0..9, or -1 when the check value is 10 (no valid number has this base).</returns>
    /// <exception cref="ArgumentException"><paramref name="utf8NineDigits"/> is not exactly nine ASCII digits.</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<byte> utf8NineDigits) => Modulus11.CheckDigitOfBase(ParseBase(utf8NineDigits, nameof(utf8NineDigits)));

    /// <summary>
    /// Computes the check digit of nine ASCII digits (the base).
    /// </summary>
    /// <param name="nineDigits">Exactly nine ASCII digits.</param>
    /// <returns>The check digit 0..9, or -1 when the check value is 10 (no valid number has this base).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nineDigits"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="nineDigits"/> is not exactly nine ASCII digits.</exception>
    public static int ComputeCheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        return ComputeCheckDigit(nineDigits.AsSpan());
    }

    /// <summary>
    /// Computes the check digit of a nine-digit base given as an integer.
    /// </summary>
    /// <param name="nineDigitBase">The base, 0 to 999 999 999.</param>
    /// <returns>The check digit 0..9, or -1 when the check value is 10 (no valid number has this base).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nineDigitBase"/> is negative or above 999 999 999.</exception>
    public static int ComputeCheckDigit(int nineDigitBase)
    {
        if ((uint)nineDigitBase > Modulus11.MaxBase)
        {
            ThrowHelper.ThrowBaseOutOfRange(nameof(nineDigitBase));
        }

        return Modulus11.CheckDigitOfBase(nineDigitBase);
    }

    private static int ParseBase<TChar>(ReadOnlySpan<TChar> nineDigits, string paramName)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar>
    {
        if (nineDigits.Length != 9)
        {
            ThrowHelper.ThrowNotNineDigits(paramName);
        }

        var result = 0;
        foreach (var unit in nineDigits)
        {
            var digit = uint.CreateTruncating(unit) - '0';
            if (digit > 9)
            {
                ThrowHelper.ThrowNotNineDigits(paramName);
            }

            result = (result * 10) + (int)digit;
        }

        return result;
    }

    /// <inheritdoc/>
    public bool Equals(NhsNumber other) => _valuePlusOne == other._valuePlusOne;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NhsNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _valuePlusOne.GetHashCode();

    /// <summary>Compares by numeric value; <see cref="Empty"/> sorts before every number.</summary>
    /// <param name="other">The number to compare with.</param>
    /// <returns>Negative, zero or positive as this number is less than, equal to or greater than <paramref name="other"/>.</returns>
    public int CompareTo(NhsNumber other) => _valuePlusOne.CompareTo(other._valuePlusOne);

    /// <summary>Compares with a boxed <see cref="NhsNumber"/>; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">A boxed <see cref="NhsNumber"/> or <see langword="null"/>.</param>
    /// <returns>Negative, zero or positive as this number is less than, equal to or greater than <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not an <see cref="NhsNumber"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        NhsNumber other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type NhsNumber.", nameof(obj)),
    };

    /// <summary>Whether two numbers are equal.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(NhsNumber left, NhsNumber right) => left.Equals(right);

    /// <summary>Whether two numbers differ.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(NhsNumber left, NhsNumber right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(NhsNumber left, NhsNumber right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(NhsNumber left, NhsNumber right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(NhsNumber left, NhsNumber right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(NhsNumber left, NhsNumber right) => left.CompareTo(right) >= 0;
}
