using FsCheck;
using FsCheck.Fluent;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// String pairs for the similarity properties. Random strings rarely share chars, which would leave the match and
/// transposition logic untested, so the generators draw from small alphabets and often derive the second string
/// from the first by a few typing errors (insert, delete, substitute, swap neighbours).
/// </summary>
internal static class SimilarityArbitraries
{
    /// <summary>Chars outside ASCII: Latin-1 and Latin Extended letters, Cyrillic, Greek, a CJK char and a surrogate pair's halves.</summary>
    private const string NonAsciiChars = "\u00C9\u00D8\u00DF\u0141\u0410\u0411\u03A9\u4E2D\uD83D\uDE00\u00FF\u0100";

    public static Gen<string> Over(string alphabet, int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength)
            .SelectMany(length => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length))
            .Select(chars => new string(chars));

    /// <summary>A pair: independent strings half the time, otherwise the second is the first with up to <paramref name="maxEdits"/> typing errors.</summary>
    public static Gen<(string A, string B)> PairsOver(string alphabet, int minLength, int maxLength, int maxEdits) =>
        Gen.Frequency(
            (1, from a in Over(alphabet, minLength, maxLength) from b in Over(alphabet, minLength, maxLength) select (a, b)),
            (1, from a in Over(alphabet, minLength, maxLength)
                from edits in Gen.ArrayOf(Gen.Choose(0, 3).Zip(Gen.Choose(0, 1000)).Zip(Gen.Elements(alphabet.ToCharArray())), maxEdits)
                from count in Gen.Choose(0, maxEdits)
                select (a, ApplyEdits(a, edits.AsSpan(0, count)))));

    /// <summary>Strings over A, B, C (forces matches, repeats and transpositions), up to 12 chars.</summary>
    public static Arbitrary<(string A, string B)> SmallAlphabet => Arb.From(PairsOver("ABC", 0, 12, 4));

    /// <summary>Upper-case name-like strings, 1 to 16 chars, often a typo'd copy.</summary>
    public static Arbitrary<(string A, string B)> NameLike => Arb.From(PairsOver("ABCDEFGHIJKLMNOPQRSTUVWXYZ -'", 1, 16, 3));

    /// <summary>Strings of 50 to 150 chars over a four-letter alphabet: beyond the 64-char single-word path.</summary>
    public static Arbitrary<(string A, string B)> Long => Arb.From(PairsOver("ABCD", 50, 150, 8));

    /// <summary>ASCII mixed with non-ASCII chars (the pattern table's fallback list).</summary>
    public static Arbitrary<(string A, string B)> NonAscii => Arb.From(PairsOver("AB" + NonAsciiChars, 0, 20, 4));

    /// <summary>Every kind above, for properties that should hold everywhere.</summary>
    public static Arbitrary<(string A, string B)> Any => Arb.From(Gen.OneOf(
        SmallAlphabet.Generator, NameLike.Generator, Long.Generator, NonAscii.Generator,
        PairsOver("AB", 60, 70, 3)));

    /// <summary>Three strings over a small alphabet, for the triangle inequality.</summary>
    public static Arbitrary<(string A, string B, string C)> Triples => Arb.From(
        from a in Over("ABC", 0, 10)
        from b in Over("ABC", 0, 10)
        from c in Over("ABC", 0, 10)
        select (a, b, c));

    private static string ApplyEdits(string text, ReadOnlySpan<((int Kind, int Position), char Char)> edits)
    {
        var chars = new List<char>(text);
        foreach (var ((kind, position), c) in edits)
        {
            var at = chars.Count == 0 ? 0 : position % chars.Count;
            switch (kind)
            {
                case 0:
                    chars.Insert(at, c);
                    break;
                case 1 when chars.Count > 0:
                    chars.RemoveAt(at);
                    break;
                case 2 when chars.Count > 0:
                    chars[at] = c;
                    break;
                case 3 when chars.Count > 1:
                    var next = (at + 1) % chars.Count;
                    (chars[at], chars[next]) = (chars[next], chars[at]);
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
