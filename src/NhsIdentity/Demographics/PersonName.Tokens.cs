namespace NhsIdentity.Demographics;

public static partial class PersonName
{
    /// <summary>
    /// Enumerates the words of a normalised name, splitting hyphenated names into their parts
    /// (<c>"JONES-SMITH"</c> gives <c>JONES</c>, <c>SMITH</c>). Allocates nothing; use it with <c>foreach</c>.
    /// </summary>
    /// <param name="normalized">A name from <see cref="TryNormalize"/> (any text works: spaces, commas and hyphens split it).</param>
    /// <returns>The enumerator.</returns>
    public static PersonNameTokenEnumerator EnumerateTokens(ReadOnlySpan<char> normalized) => new(normalized, default);

    /// <summary>
    /// Enumerates the words of a normalised name as <see cref="EnumerateTokens(ReadOnlySpan{char})"/> does, and after
    /// the parts of each hyphenated name also its compound form without the hyphen (<c>"JONES-SMITH"</c> gives
    /// <c>JONES</c>, <c>SMITH</c>, <c>JONESSMITH</c>), written to <paramref name="compoundBuffer"/>.
    /// </summary>
    /// <param name="normalized">A name from <see cref="TryNormalize"/>.</param>
    /// <param name="compoundBuffer">
    /// Scratch space for compound forms; a buffer as long as <paramref name="normalized"/> is always enough. A
    /// compound that does not fit is skipped. Each compound token is valid until the next <c>MoveNext</c>.
    /// </param>
    /// <returns>The enumerator.</returns>
    public static PersonNameTokenEnumerator EnumerateTokens(ReadOnlySpan<char> normalized, Span<char> compoundBuffer) =>
        new(normalized, compoundBuffer);

    /// <summary>
    /// Normalises a name and returns its tokens: the words, the parts of hyphenated names and their compound forms
    /// (<c>"Mary-Jane O'Neil"</c> gives <c>MARY</c>, <c>JANE</c>, <c>MARYJANE</c>, <c>ONEIL</c>).
    /// </summary>
    /// <param name="text">The name as recorded; <see langword="null"/> is treated as empty.</param>
    /// <returns>A new array of tokens, empty when the name normalises to nothing.</returns>
    public static string[] Tokenize(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var buffer = new char[normalized.Length];
        var count = 0;
        foreach (var _ in EnumerateTokens(normalized, buffer))
        {
            count++;
        }

        var tokens = new string[count];
        var i = 0;
        foreach (var token in EnumerateTokens(normalized, buffer))
        {
            tokens[i++] = new string(token);
        }

        return tokens;
    }

    /// <summary>
    /// Splits normalised given names into the first name and the middle names: <c>"MARY JANE ANN"</c> gives first
    /// <c>MARY</c> and middle <c>JANE ANN</c>. A hyphenated given name stays whole (<c>"MARY-JANE ANN"</c> gives
    /// <c>MARY-JANE</c> and <c>ANN</c>). Normalise first, so titles are already gone.
    /// </summary>
    /// <param name="normalizedGivenNames">Given names from <see cref="TryNormalize"/>.</param>
    /// <param name="first">The first word; empty when there is none.</param>
    /// <param name="middle">The remaining words, separated by single spaces; empty when there is one word or none.</param>
    public static void SplitGivenNames(ReadOnlySpan<char> normalizedGivenNames, out ReadOnlySpan<char> first, out ReadOnlySpan<char> middle)
    {
        var text = normalizedGivenNames.Trim(' ');
        var space = text.IndexOf(' ');
        if (space < 0)
        {
            first = text;
            middle = default;
            return;
        }

        first = text[..space];
        middle = text[(space + 1)..].TrimStart(' ');
    }

    /// <summary>
    /// Normalises given names and splits them into the first name and the middle names:
    /// <c>"Dr Mary Jane Ann"</c> gives <c>("MARY", "JANE ANN")</c>.
    /// </summary>
    /// <param name="givenNames">Given names as recorded; <see langword="null"/> is treated as empty.</param>
    /// <returns>The first name and the middle names, each <see cref="string.Empty"/> when absent.</returns>
    public static (string First, string Middle) SplitGivenNames(string? givenNames)
    {
        var normalized = Normalize(givenNames);
        SplitGivenNames(normalized, out var first, out var middle);
        return (first.Length == normalized.Length ? normalized : new string(first), middle.IsEmpty ? string.Empty : new string(middle));
    }
}
