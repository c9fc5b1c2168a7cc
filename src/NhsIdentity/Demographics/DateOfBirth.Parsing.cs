using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

public readonly partial struct DateOfBirth : ISpanParsable<DateOfBirth>, IUtf8SpanParsable<DateOfBirth>
{
    /// <summary>Tries to parse <paramref name="text"/>, reading year-last numeric dates day first (<see cref="DateOrder.DayMonthYear"/>).</summary>
    /// <param name="text">The text to parse; the accepted layouts are listed on <see cref="DateOfBirth"/>.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOfBirth result) =>
        TryParse(text, DateOrder.DayMonthYear, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/>, reading year-last numeric dates in <paramref name="order"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, DateOrder order, out DateOfBirth result) =>
        TryParse(text, order, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/> in <paramref name="order"/>, giving the reason on failure.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <param name="status"><see cref="DateOfBirthStatus.Valid"/>, or why parsing failed.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, DateOrder order, out DateOfBirth result, out DateOfBirthStatus status)
    {
        status = DateOfBirthParser.Parse(text, order, out var packed);
        result = new DateOfBirth(packed);
        return status == DateOfBirthStatus.Valid;
    }

    /// <summary>
    /// Tries to parse <paramref name="text"/> as record matching reads it: as <see cref="TryParse(ReadOnlySpan{char},
    /// DateOrder, out DateOfBirth)"/>, except that a day or month written as zero means "not known" and gives a
    /// partial date (<c>00/00/1947</c> is the year 1947, <c>1990-11-00</c> November 1990).
    /// </summary>
    /// <remarks>The public parser refuses such dates (<see cref="DateOfBirthStatus.InvalidDay"/>,
    /// <see cref="DateOfBirthStatus.InvalidMonth"/>) so that validation reports them; matching keeps the parts that are
    /// known rather than losing the whole date.</remarks>
    internal static bool TryParseKnownParts(ReadOnlySpan<char> text, DateOrder order, out DateOfBirth result)
    {
        var status = DateOfBirthParser.Parse(text, order, zeroPartsUnknown: true, out var packed);
        result = new DateOfBirth(packed);
        return status == DateOfBirthStatus.Valid;
    }

    /// <summary>Tries to parse <paramref name="text"/>, reading year-last numeric dates day first.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(string? text, out DateOfBirth result) =>
        TryParse(text.AsSpan(), DateOrder.DayMonthYear, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/>, reading year-last numeric dates in <paramref name="order"/>.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static bool TryParse(string? text, DateOrder order, out DateOfBirth result) =>
        TryParse(text.AsSpan(), order, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/>, reading year-last numeric dates day first.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out DateOfBirth result) =>
        TryParse(utf8Text, DateOrder.DayMonthYear, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/>, reading year-last numeric dates in <paramref name="order"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, DateOrder order, out DateOfBirth result) =>
        TryParse(utf8Text, order, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> in <paramref name="order"/>, giving the reason on failure.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <param name="status"><see cref="DateOfBirthStatus.Valid"/>, or why parsing failed.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, DateOrder order, out DateOfBirth result, out DateOfBirthStatus status)
    {
        status = DateOfBirthParser.Parse(utf8Text, order, out var packed);
        result = new DateOfBirth(packed);
        return status == DateOfBirthStatus.Valid;
    }

    /// <summary>Parses <paramref name="text"/>, reading year-last numeric dates day first.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="FormatException">The text is not a valid date of birth; the message gives the reason, never the text.</exception>
    public static DateOfBirth Parse(ReadOnlySpan<char> text) => Parse(text, DateOrder.DayMonthYear);

    /// <summary>Parses <paramref name="text"/>, reading year-last numeric dates in <paramref name="order"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="FormatException">The text is not a valid date of birth; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static DateOfBirth Parse(ReadOnlySpan<char> text, DateOrder order)
    {
        if (!TryParse(text, order, out var result, out var status))
        {
            DateOfBirthThrowHelper.ThrowFormatException(status);
        }

        return result;
    }

    /// <summary>Parses <paramref name="text"/>, reading year-last numeric dates day first.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid date of birth; the message gives the reason, never the text.</exception>
    public static DateOfBirth Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), DateOrder.DayMonthYear);
    }

    /// <summary>Parses <paramref name="text"/>, reading year-last numeric dates in <paramref name="order"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid date of birth; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static DateOfBirth Parse(string text, DateOrder order)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), order);
    }

    /// <summary>Parses UTF-8 <paramref name="utf8Text"/>, reading year-last numeric dates day first.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="FormatException">The text is not a valid date of birth; the message gives the reason, never the text.</exception>
    public static DateOfBirth Parse(ReadOnlySpan<byte> utf8Text) => Parse(utf8Text, DateOrder.DayMonthYear);

    /// <summary>Parses UTF-8 <paramref name="utf8Text"/>, reading year-last numeric dates in <paramref name="order"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="order">The order of year-last numeric dates in the source.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="FormatException">The text is not a valid date of birth; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public static DateOfBirth Parse(ReadOnlySpan<byte> utf8Text, DateOrder order)
    {
        if (!TryParse(utf8Text, order, out var result, out var status))
        {
            DateOfBirthThrowHelper.ThrowFormatException(status);
        }

        return result;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing is culture-invariant and reads year-last dates day first.</param>
    public static DateOfBirth Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), DateOrder.DayMonthYear);
    }

    /// <inheritdoc cref="TryParse(string, out DateOfBirth)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing is culture-invariant and reads year-last dates day first.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(string? s, IFormatProvider? provider, out DateOfBirth result) => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing is culture-invariant and reads year-last dates day first.</param>
    public static DateOfBirth Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out DateOfBirth)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing is culture-invariant and reads year-last dates day first.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out DateOfBirth result) => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="provider">Ignored: parsing is culture-invariant and reads year-last dates day first.</param>
    public static DateOfBirth Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out DateOfBirth)"/>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="provider">Ignored: parsing is culture-invariant and reads year-last dates day first.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out DateOfBirth result) => TryParse(utf8Text, out result);
}
