namespace NhsIdentity.Synthetic;

/// <summary>
/// Misreadings of optical character recognition on scanned forms: letter shapes that print alike (<c>rn</c> and
/// <c>m</c>, <c>cl</c> and <c>d</c>, <c>O</c> and <c>Q</c>, <c>I</c>, <c>L</c> and <c>1</c>, <c>E</c> and <c>F</c>,
/// <c>C</c> and <c>G</c>, <c>U</c> and <c>V</c>) and, in postcodes and house numbers, digits and letters
/// (<c>0</c> and <c>O</c>, <c>5</c> and <c>S</c>, <c>8</c> and <c>B</c>).
/// </summary>
/// <remarks>
/// One misreading replaces one or two characters by one or two others, so it is at most two edits (Levenshtein)
/// away; both directions of each pair are listed because a scan can split <c>m</c> as well as join <c>rn</c>.
/// </remarks>
internal static class OcrConfusion
{
    // Names and address lines: lower-case shapes first (mixed-case text), then capitals (PAS surnames, census
    // transcriptions), then the digits of house and flat numbers.
    private static readonly (string Seen, string Read)[] TextConfusions =
    [
        ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("li", "h"), ("h", "li"), ("vv", "w"), ("w", "vv"),
        ("l", "1"), ("i", "l"), ("l", "i"), ("e", "c"), ("c", "e"), ("u", "v"), ("v", "u"),
        ("O", "Q"), ("Q", "O"), ("I", "L"), ("L", "I"), ("I", "1"), ("E", "F"), ("F", "E"), ("C", "G"), ("G", "C"),
        ("U", "V"), ("V", "U"), ("RN", "M"), ("M", "RN"), ("CL", "D"),
        ("1", "l"), ("0", "O"), ("5", "S"), ("8", "B"),
    ];

    // Postcodes are capitals and digits: the letter-digit confusions both ways, and the capital pairs.
    private static readonly (string Seen, string Read)[] PostcodeConfusions =
    [
        ("0", "O"), ("O", "0"), ("1", "I"), ("I", "1"), ("5", "S"), ("S", "5"), ("8", "B"), ("B", "8"),
        ("O", "Q"), ("Q", "O"), ("E", "F"), ("F", "E"), ("C", "G"), ("G", "C"), ("U", "V"), ("V", "U"),
    ];

    /// <summary>Whether <paramref name="text"/> holds anything a scan could misread.</summary>
    public static bool CanApply(string text, bool isPostcode)
    {
        foreach (var (seen, _) in Table(isPostcode))
        {
            if (text.Contains(seen, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="text"/> with one misreading, chosen uniformly among every place any confusion applies; the
    /// text unchanged when none does (<see cref="CanApply"/>).
    /// </summary>
    public static string Apply(string text, bool isPostcode, Random random)
    {
        var table = Table(isPostcode);
        var places = 0;
        foreach (var (seen, _) in table)
        {
            places += Count(text, seen);
        }

        if (places == 0)
        {
            return text;
        }

        var chosen = random.Next(places);
        foreach (var (seen, read) in table)
        {
            for (var at = text.IndexOf(seen, StringComparison.Ordinal); at >= 0; at = text.IndexOf(seen, at + 1, StringComparison.Ordinal))
            {
                if (chosen-- == 0)
                {
                    return string.Concat(text.AsSpan(0, at), read, text.AsSpan(at + seen.Length));
                }
            }
        }

        return text;
    }

    private static (string Seen, string Read)[] Table(bool isPostcode) => isPostcode ? PostcodeConfusions : TextConfusions;

    private static int Count(string text, string seen)
    {
        var count = 0;
        for (var at = text.IndexOf(seen, StringComparison.Ordinal); at >= 0; at = text.IndexOf(seen, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
