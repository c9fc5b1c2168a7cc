using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

public readonly partial struct Postcode : ISpanParsable<Postcode>, IUtf8SpanParsable<Postcode>
{
    /// <summary>Whether <paramref name="text"/> is a valid UK postcode under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when it is a postcode of any kind (see <see cref="Postcode"/>).</returns>
    public static bool IsValid(ReadOnlySpan<char> text) => PostcodeParser.Parse(text, PostcodeStyles.Lenient, out _) == PostcodeStatus.Valid;

    /// <summary>Whether <paramref name="text"/> is a valid UK postcode under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see langword="true"/> when it is a postcode of any kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool IsValid(ReadOnlySpan<char> text, PostcodeStyles styles) => Validate(text, styles) == PostcodeStatus.Valid;

    /// <summary>Whether <paramref name="text"/> is a valid UK postcode under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="text">The text to check; <see langword="null"/> is not valid.</param>
    /// <returns><see langword="true"/> when it is a postcode of any kind.</returns>
    public static bool IsValid(string? text) => PostcodeParser.Parse(text.AsSpan(), PostcodeStyles.Lenient, out _) == PostcodeStatus.Valid;

    /// <summary>Whether <paramref name="utf8Text"/> is a valid UK postcode under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <returns><see langword="true"/> when it is a postcode of any kind.</returns>
    public static bool IsValid(ReadOnlySpan<byte> utf8Text) => PostcodeParser.Parse(utf8Text, PostcodeStyles.Lenient, out _) == PostcodeStatus.Valid;

    /// <summary>Whether <paramref name="utf8Text"/> is a valid UK postcode under <paramref name="styles"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see langword="true"/> when it is a postcode of any kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool IsValid(ReadOnlySpan<byte> utf8Text, PostcodeStyles styles) => Validate(utf8Text, styles) == PostcodeStatus.Valid;

    /// <summary>Checks <paramref name="text"/> under <see cref="PostcodeStyles.Lenient"/> and says why it is not valid.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see cref="PostcodeStatus.Valid"/> or the first failing check. Never throws; allocates nothing.</returns>
    public static PostcodeStatus Validate(ReadOnlySpan<char> text) => PostcodeParser.Parse(text, PostcodeStyles.Lenient, out _);

    /// <summary>Checks <paramref name="text"/> under <paramref name="styles"/> and says why it is not valid.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see cref="PostcodeStatus.Valid"/> or the first failing check. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static PostcodeStatus Validate(ReadOnlySpan<char> text, PostcodeStyles styles) => PostcodeParser.Parse(text, styles, out _);

    /// <summary>Checks <paramref name="text"/> under <see cref="PostcodeStyles.Lenient"/> and says why it is not valid.</summary>
    /// <param name="text">The text to check; <see langword="null"/> gives <see cref="PostcodeStatus.Empty"/>.</param>
    /// <returns><see cref="PostcodeStatus.Valid"/> or the first failing check. Never throws; allocates nothing.</returns>
    public static PostcodeStatus Validate(string? text) => PostcodeParser.Parse(text.AsSpan(), PostcodeStyles.Lenient, out _);

    /// <summary>Checks UTF-8 <paramref name="utf8Text"/> under <see cref="PostcodeStyles.Lenient"/> and says why it is not valid.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <returns><see cref="PostcodeStatus.Valid"/> or the first failing check. Never throws; allocates nothing.</returns>
    public static PostcodeStatus Validate(ReadOnlySpan<byte> utf8Text) => PostcodeParser.Parse(utf8Text, PostcodeStyles.Lenient, out _);

    /// <summary>Checks UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/> and says why it is not valid.</summary>
    /// <param name="utf8Text">The UTF-8 text to check.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns><see cref="PostcodeStatus.Valid"/> or the first failing check. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static PostcodeStatus Validate(ReadOnlySpan<byte> utf8Text, PostcodeStyles styles) => PostcodeParser.Parse(utf8Text, styles, out _);

    /// <summary>Tries to parse <paramref name="text"/> under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Postcode result) => TryParse(text, PostcodeStyles.Lenient, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, PostcodeStyles styles, out Postcode result) => TryParse(text, styles, out result, out _);

    /// <summary>Tries to parse <paramref name="text"/> under <paramref name="styles"/>, giving the reason on failure.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <param name="status"><see cref="PostcodeStatus.Valid"/>, or why parsing failed.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, PostcodeStyles styles, out Postcode result, out PostcodeStatus status)
    {
        status = PostcodeParser.Parse(text, styles, out var value);
        result = status == PostcodeStatus.Valid ? new Postcode(value) : default;
        return status == PostcodeStatus.Valid;
    }

    /// <summary>Tries to parse <paramref name="text"/> under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(string? text, out Postcode result)
    {
        var status = PostcodeParser.Parse(text.AsSpan(), PostcodeStyles.Lenient, out var value);
        result = status == PostcodeStatus.Valid ? new Postcode(value) : default;
        return status == PostcodeStatus.Valid;
    }

    /// <summary>Tries to parse <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(string? text, PostcodeStyles styles, out Postcode result) => TryParse(text.AsSpan(), styles, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Never throws; allocates nothing.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Postcode result) => TryParse(utf8Text, PostcodeStyles.Lenient, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, PostcodeStyles styles, out Postcode result) => TryParse(utf8Text, styles, out result, out _);

    /// <summary>Tries to parse UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/>, giving the reason on failure.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    /// <param name="status"><see cref="PostcodeStatus.Valid"/>, or why parsing failed.</param>
    /// <returns><see langword="true"/> on success. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, PostcodeStyles styles, out Postcode result, out PostcodeStatus status)
    {
        status = PostcodeParser.Parse(utf8Text, styles, out var value);
        result = status == PostcodeStatus.Valid ? new Postcode(value) : default;
        return status == PostcodeStatus.Valid;
    }

    /// <summary>Parses <paramref name="text"/> under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="FormatException">The text is not a valid UK postcode; the message gives the reason, never the text.</exception>
    public static Postcode Parse(ReadOnlySpan<char> text) => Parse(text, PostcodeStyles.Lenient);

    /// <summary>Parses <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="FormatException">The text is not a valid UK postcode; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static Postcode Parse(ReadOnlySpan<char> text, PostcodeStyles styles)
    {
        if (!TryParse(text, styles, out var result, out var status))
        {
            PostcodeThrowHelper.ThrowFormatException(status);
        }

        return result;
    }

    /// <summary>Parses <paramref name="text"/> under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid UK postcode; the message gives the reason, never the text.</exception>
    public static Postcode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), PostcodeStyles.Lenient);
    }

    /// <summary>Parses <paramref name="text"/> under <paramref name="styles"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid UK postcode; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static Postcode Parse(string text, PostcodeStyles styles)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), styles);
    }

    /// <summary>Parses UTF-8 <paramref name="utf8Text"/> under <see cref="PostcodeStyles.Lenient"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="FormatException">The text is not a valid UK postcode; the message gives the reason, never the text.</exception>
    public static Postcode Parse(ReadOnlySpan<byte> utf8Text) => Parse(utf8Text, PostcodeStyles.Lenient);

    /// <summary>Parses UTF-8 <paramref name="utf8Text"/> under <paramref name="styles"/>.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="styles">The accepted layouts.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="FormatException">The text is not a valid UK postcode; the message gives the reason, never the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> is not a defined value.</exception>
    public static Postcode Parse(ReadOnlySpan<byte> utf8Text, PostcodeStyles styles)
    {
        if (!TryParse(utf8Text, styles, out var result, out var status))
        {
            PostcodeThrowHelper.ThrowFormatException(status);
        }

        return result;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: postcodes are culture-invariant.</param>
    public static Postcode Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), PostcodeStyles.Lenient);
    }

    /// <inheritdoc cref="TryParse(string, out Postcode)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: postcodes are culture-invariant.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(string? s, IFormatProvider? provider, out Postcode result) => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: postcodes are culture-invariant.</param>
    public static Postcode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out Postcode)"/>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: postcodes are culture-invariant.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Postcode result) => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="provider">Ignored: postcodes are culture-invariant.</param>
    public static Postcode Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out Postcode)"/>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="provider">Ignored: postcodes are culture-invariant.</param>
    /// <param name="result">The postcode, or <see cref="Empty"/> on failure.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Postcode result) => TryParse(utf8Text, out result);
}
