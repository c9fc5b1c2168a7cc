using NhsIdentity.Internal;

namespace NhsIdentity;

public readonly partial struct NhsNumber : ISpanParsable<NhsNumber>, IUtf8SpanParsable<NhsNumber>
{
    /// <summary>Whether <paramref name="text"/> is a valid NHS number under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when the format and check digit are valid (ISB 0149).</returns>
    public static bool IsValid(ReadOnlySpan<char> text) => NhsNumberParser.Parse(text, NhsNumberStyles.Lenient, out _) == NhsNumberStatus.Valid;

    /// <summary>Whether <paramref name="text"/> is a valid NHS number under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see langword="true"/> when the format and check digit are valid.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool IsValid(ReadOnlySpan<char> text, NhsNumberStyles styles) => Validate(text, styles) == NhsNumberStatus.Valid;

    /// <summary>Whether <paramref name="text"/> is a valid NHS number under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="text">The text to check; <see langword="null"/> is not valid.</param>
    /// <returns><see langword="true"/> when the format and check digit are valid.</returns>
    public static bool IsValid(string? text) => NhsNumberParser.Parse(text.AsSpan(), NhsNumberStyles.Lenient, out _) == NhsNumberStatus.Valid;

    /// <summary>Whether <paramref name="utf8Text"/> is a valid NHS number under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <returns><see langword="true"/> when the format and check digit are valid.</returns>
    public static bool IsValid(ReadOnlySpan<byte> utf8Text) => NhsNumberParser.Parse(utf8Text, NhsNumberStyles.Lenient, out _) == NhsNumberStatus.Valid;

    /// <summary>Whether <paramref name="utf8Text"/> is a valid NHS number under <paramref name="styles"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see langword="true"/> when the format and check digit are valid.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool IsValid(ReadOnlySpan<byte> utf8Text, NhsNumberStyles styles) => Validate(utf8Text, styles) == NhsNumberStatus.Valid;

    /// <summary>Checks <paramref name="text"/> under <see cref="NhsNumberStyles.Lenient"/> and says why it is not valid.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see cref="NhsNumberStatus.Valid"/> or the first failing check. Never throws; allocates nothing.</returns>
    public static NhsNumberStatus Validate(ReadOnlySpan<char> text) => NhsNumberParser.Parse(text, NhsNumberStyles.Lenient, out _);

    /// <summary>Checks <paramref name="text"/> under <paramref name="styles"/> and says why it is not valid.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see cref="NhsNumberStatus.Valid"/> or the first failing check. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static NhsNumberStatus Validate(ReadOnlySpan<char> text, NhsNumberStyles styles) => NhsNumberParser.Parse(text, styles, out _);

    /// <summary>Checks <paramref name="text"/> under <see cref="NhsNumberStyles.Lenient"/> and says why it is not valid.</summary>
    /// <param name="text">The text to check; <see langword="null"/> gives <see cref="NhsNumberStatus.Empty"/>.</param>
    /// <returns><see cref="NhsNumberStatus.Valid"/> or the first failing check. Never throws; allocates nothing.</returns>
    public static NhsNumberStatus Validate(string? text) => NhsNumberParser.Parse(text.AsSpan(), NhsNumberStyles.Lenient, out _);

    /// <summary>Checks UTF-8 <paramref name="utf8Text"/> under <see cref="NhsNumberStyles.Lenient"/> and says why it is not valid.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <returns><see cref="NhsNumberStatus.Valid"/> or the first failing check. Never throws; allocates nothing.</returns>
    public static NhsNumberStatus Validate(ReadOnlySpan<byte> utf8Text) => NhsNumberParser.Parse(utf8Text, NhsNumberStyles.Lenient, out _);

    /// <summary>Checks UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/> and says why it is not valid.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see cref="NhsNumberStatus.Valid"/> or the first failing check. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static NhsNumberStatus Validate(ReadOnlySpan<byte> utf8Text, NhsNumberStyles styles) => NhsNumberParser.Parse(utf8Text, styles, out _);

    /// <summary>Tries to parse <paramref name="text"/> under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out NhsNumber result) => TryParse(text, NhsNumberStyles.Lenient, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, NhsNumberStyles styles, out NhsNumber result) => TryParse(text, styles, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/> under <paramref name="styles"/>, giving the reason on failure.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <param name="status"><see cref="NhsNumberStatus.Valid"/>, or why parsing failed.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, NhsNumberStyles styles, out NhsNumber result, out NhsNumberStatus status)
    {
        status = NhsNumberParser.Parse(text, styles, out var value);
        result = status == NhsNumberStatus.Valid ? new NhsNumber(value) : default;
        return status == NhsNumberStatus.Valid;
    }

    /// <summary>Tries to parse <paramref name="text"/> under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(string? text, out NhsNumber result)
    {
        var status = NhsNumberParser.Parse(text.AsSpan(), NhsNumberStyles.Lenient, out var value);
        result = status == NhsNumberStatus.Valid ? new NhsNumber(value) : default;
        return status == NhsNumberStatus.Valid;
    }

    /// <summary>Tries to parse <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(string? text, NhsNumberStyles styles, out NhsNumber result) => TryParse(text.AsSpan(), styles, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out NhsNumber result) => TryParse(utf8Text, NhsNumberStyles.Lenient, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, NhsNumberStyles styles, out NhsNumber result) => TryParse(utf8Text, styles, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/>, giving the reason on failure.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    /// <param name="status"><see cref="NhsNumberStatus.Valid"/>, or why parsing failed.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, NhsNumberStyles styles, out NhsNumber result, out NhsNumberStatus status)
    {
        status = NhsNumberParser.Parse(utf8Text, styles, out var value);
        result = status == NhsNumberStatus.Valid ? new NhsNumber(value) : default;
        return status == NhsNumberStatus.Valid;
    }

    /// <summary>Parses <paramref name="text"/> under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a valid NHS number; the message gives the reason, never the text.</exception>
    public static NhsNumber Parse(ReadOnlySpan<char> text) => Parse(text, NhsNumberStyles.Lenient);

    /// <summary>Parses <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a valid NHS number; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static NhsNumber Parse(ReadOnlySpan<char> text, NhsNumberStyles styles)
    {
        if (!TryParse(text, styles, out var result, out var status))
        {
            ThrowHelper.ThrowFormatException(status);
        }

        return result;
    }

    /// <summary>Parses <paramref name="text"/> under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid NHS number; the message gives the reason, never the text.</exception>
    public static NhsNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), NhsNumberStyles.Lenient);
    }

    /// <summary>Parses <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid NHS number; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static NhsNumber Parse(string text, NhsNumberStyles styles)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), styles);
    }

    /// <summary>Parses UTF-8 <paramref name="utf8Text"/> under <see cref="NhsNumberStyles.Lenient"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a valid NHS number; the message gives the reason, never the text.</exception>
    public static NhsNumber Parse(ReadOnlySpan<byte> utf8Text) => Parse(utf8Text, NhsNumberStyles.Lenient);

    /// <summary>Parses UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a valid NHS number; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static NhsNumber Parse(ReadOnlySpan<byte> utf8Text, NhsNumberStyles styles)
    {
        if (!TryParse(utf8Text, styles, out var result, out var status))
        {
            ThrowHelper.ThrowFormatException(status);
        }

        return result;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: NHS numbers are culture-invariant.</param>
    public static NhsNumber Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), NhsNumberStyles.Lenient);
    }

    /// <inheritdoc cref="TryParse(string, out NhsNumber)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: NHS numbers are culture-invariant.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(string? s, IFormatProvider? provider, out NhsNumber result) => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: NHS numbers are culture-invariant.</param>
    public static NhsNumber Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out NhsNumber)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: NHS numbers are culture-invariant.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out NhsNumber result) => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="provider">Ignored: NHS numbers are culture-invariant.</param>
    public static NhsNumber Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out NhsNumber)"/>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="provider">Ignored: NHS numbers are culture-invariant.</param>
    /// <param name="result">The number, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out NhsNumber result) => TryParse(utf8Text, out result);
}
