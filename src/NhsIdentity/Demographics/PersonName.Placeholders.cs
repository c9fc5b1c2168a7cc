using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

public static partial class PersonName
{
    /// <summary>
    /// Whether a name field holds a placeholder instead of a name, so a matcher should treat it as missing: empty
    /// after normalisation (<c>""</c>, <c>"-"</c>, <c>"."</c>, <c>"?"</c>, digits only); UNKNOWN, UNK, NOT KNOWN, NK,
    /// N/A, NONE, NULL, NIL, NO NAME, UNNAMED (also followed by other words: <c>"Unknown Male"</c>); BABY alone or
    /// followed by BOY, GIRL, MALE, FEMALE, OF, TWIN or a single letter (<c>"Baby of Jane Smith"</c>,
    /// <c>"Baby Girl"</c>); TWIN alone or followed by ONE, TWO, THREE or a single letter (<c>"Twin 1"</c>,
    /// <c>"Twin A"</c>); and one letter repeated (<c>"XXX"</c>, <c>"ZZ"</c>; three or more of any letter, two for X
    /// and Z). The text is normalised first, so <c>"Mr Unknown"</c> and <c>"baby-boy"</c> count too.
    /// </summary>
    /// <param name="text">The name as recorded (normalised or not).</param>
    /// <returns><see langword="true"/> when the field should be treated as missing.</returns>
    /// <remarks>
    /// Allocates nothing. A given name <c>"Baby"</c> is how newborns are registered before they are named, so it
    /// carries no identity; a real family name Baby would also be treated as missing, which costs only evidence.
    /// </remarks>
    public static bool IsPlaceholder(ReadOnlySpan<char> text)
    {
        var rented = PersonNameNormalizer.RentIfNeeded(text.Length, out var scratchLength);
        Span<char> scratch = rented ?? stackalloc char[scratchLength];
        var length = PersonNameNormalizer.Normalize(text, scratch[..scratchLength]);
        var result = IsNormalizedPlaceholder(scratch[..length]);
        PersonNameNormalizer.Return(rented);
        return result;
    }

    /// <summary>Whether a name field holds a placeholder instead of a name (see <see cref="IsPlaceholder(ReadOnlySpan{char})"/>).</summary>
    /// <param name="text">The name as recorded; <see langword="null"/> is a placeholder (missing).</param>
    /// <returns><see langword="true"/> when the field should be treated as missing.</returns>
    public static bool IsPlaceholder(string? text) => IsPlaceholder(text.AsSpan());

    private static bool IsNormalizedPlaceholder(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return true;
        }

        // Words here split on spaces and hyphens alike: "BABY-BOY" = "BABY BOY", "NOT-KNOWN" = "NOT KNOWN".
        var firstEnd = name.IndexOfAny(' ', '-');
        var first = firstEnd < 0 ? name : name[..firstEnd];
        var rest = firstEnd < 0 ? default : name[(firstEnd + 1)..];
        var secondEnd = rest.IndexOfAny(' ', '-');
        var second = secondEnd < 0 ? rest : rest[..secondEnd];
        var isLast = secondEnd < 0;

        if (rest.IsEmpty && IsRepeatedLetter(first))
        {
            return true;
        }

        switch (first)
        {
            case "UNKNOWN" or "UNK" or "NK" or "NOTKNOWN" or "NONE" or "NULL" or "NIL" or "UNNAMED" or "NONAME":
                return true;
            case "NOT":
                return second is "KNOWN" or "GIVEN" or "STATED" or "RECORDED";
            case "NO":
                return second is "NAME";
            case "N":
                return second is "A" or "K" && isLast;
            case "BABY":
                return second.IsEmpty || second.Length == 1
                    || second is "BOY" or "GIRL" or "MALE" or "FEMALE" or "OF" or "TWIN";
            case "TWIN":
                return isLast && (second.IsEmpty || second.Length == 1 || second is "ONE" or "TWO" or "THREE");
            default:
                return false;
        }
    }

    private static bool IsRepeatedLetter(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.ContainsAnyExcept(word[0]))
        {
            return false;
        }

        return word.Length >= 3 || word[0] is 'X' or 'Z';
    }
}
