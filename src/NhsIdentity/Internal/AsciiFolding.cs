using System.Globalization;
using System.Runtime.CompilerServices;

namespace NhsIdentity.Internal;

/// <summary>
/// Maps one UTF-16 code unit of supplier name text to what a person-name comparison needs: up to three upper-case
/// letters, nothing (apostrophes, combining marks), or a separator. Precomputed tables (generated from the Unicode
/// decompositions, see <c>Resources/tools/gen_ascii_folding.py</c>) cover Latin-1 Supplement, Latin Extended-A/B and
/// Latin Extended Additional, so the hot path never calls <see cref="string.Normalize()"/>.
/// </summary>
/// <remarks>
/// Table entries are two bytes: <c>0,0</c> = no entry (the general rule applies), <c>1,0</c> = drop the character,
/// otherwise one or two ASCII upper-case letters (the second byte 0 when there is one).
/// </remarks>
internal static partial class AsciiFolding
{
    /// <summary>The character is dropped without separating words (apostrophe, combining mark, soft hyphen).</summary>
    public const int Drop = 0;

    /// <summary>The character separates words (space, digit, punctuation other than the ones below).</summary>
    public const int Space = -1;

    /// <summary>The character joins the parts of a hyphenated (double-barrelled) name.</summary>
    public const int Hyphen = -2;

    /// <summary>A comma: separates words and starts a new clause (<c>SMITH, MR JOHN</c>).</summary>
    public const int Comma = -3;

    /// <summary>
    /// Folds <paramref name="c"/>. Returns the number of letters (1 to 3) written to <paramref name="first"/>,
    /// <paramref name="second"/> and <paramref name="third"/>, or <see cref="Drop"/>, <see cref="Space"/>,
    /// <see cref="Hyphen"/> or <see cref="Comma"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Fold(char c, out char first, out char second, out char third)
    {
        second = '\0';
        third = '\0';
        if (c < 0x80)
        {
            first = (char)(c & ~0x20);
            if ((uint)(first - 'A') <= 'Z' - 'A')
            {
                return 1;
            }

            first = '\0';
            return FoldAsciiNonLetter(c);
        }

        return FoldNonAscii(c, out first, out second, out third);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FoldAsciiNonLetter(char c) => c switch
    {
        '\'' or '`' => Drop,
        '-' => Hyphen,
        ',' => Comma,
        _ => Space,
    };

    private static int FoldNonAscii(char c, out char first, out char second, out char third)
    {
        second = '\0';
        third = '\0';
        first = '\0';
        int index;
        ReadOnlySpan<byte> table;
        if (c is >= '\u00A0' and <= '\u024F')
        {
            table = TableU00A0;
            index = (c - 0x00A0) * 2;
        }
        else if (c is >= '\u1E00' and <= '\u1EFF')
        {
            table = TableU1E00;
            index = (c - 0x1E00) * 2;
        }
        else
        {
            return FoldOutsideTables(c, out first, out second, out third);
        }

        var b0 = table[index];
        if (b0 > 1)
        {
            first = (char)b0;
            var b1 = table[index + 1];
            if (b1 == 0)
            {
                return 1;
            }

            second = (char)b1;
            return 2;
        }

        return b0 == 1 ? Drop : FoldGeneral(c, out first, out second, out third);
    }

    private static int FoldOutsideTables(char c, out char first, out char second, out char third)
    {
        first = '\0';
        second = '\0';
        third = '\0';
        switch (c)
        {
            // Apostrophes and primes, typographic or modifier-letter forms: O’Reilly = O'Reilly = OREILLY.
            case '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\uFF07':
                return Drop;

            // Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small/full-width hyphen-minus.
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D':
                return Hyphen;

            case '\uFF0C':
                return Comma;

            // Latin ligatures (Alphabetic Presentation Forms): their compatibility decompositions.
            case '\uFB00': first = 'F'; second = 'F'; return 2;
            case '\uFB01': first = 'F'; second = 'I'; return 2;
            case '\uFB02': first = 'F'; second = 'L'; return 2;
            case '\uFB03': first = 'F'; second = 'F'; third = 'I'; return 3;
            case '\uFB04': first = 'F'; second = 'F'; third = 'L'; return 3;
            case '\uFB05' or '\uFB06': first = 'S'; second = 'T'; return 2;
        }

        // Full-width ASCII (U+FF01..U+FF5E) is ASCII shifted by 0xFEE0 (its compatibility decomposition).
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return Fold((char)(c - 0xFEE0), out first, out second, out third);
        }

        // Spacing modifier letters and spacing diacritics (ʼ ʻ ˈ ˜ ...): apostrophe-like, dropped.
        if (c is >= '\u02B0' and <= '\u02FF')
        {
            return Drop;
        }

        return FoldGeneral(c, out first, out second, out third);
    }

    /// <summary>Letters with no ASCII folding are kept, upper-cased; marks are dropped; anything else separates.</summary>
    private static int FoldGeneral(char c, out char first, out char second, out char third)
    {
        first = '\0';
        second = '\0';
        third = '\0';
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return Drop;

            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                // Case variants must fold alike (Kelvin sign K = k = K, Ȿ U+2C7E = ȿ U+023F = S): try the lower-case
                // form, then the upper case of that, in the ASCII range and the tables; keep the upper case otherwise.
                var lower = char.ToLowerInvariant(c);
                var upper = char.ToUpperInvariant(lower);
                foreach (var candidate in (ReadOnlySpan<char>)[lower, upper])
                {
                    if (candidate != c)
                    {
                        var n = candidate < 0x80 ? Fold(candidate, out first, out second, out third) : FoldNonAsciiOnce(candidate, out first, out second, out third);
                        if (n > 0)
                        {
                            return n;
                        }
                    }
                }

                first = upper;
                return 1;

            default:
                return Space;
        }
    }

    /// <summary>A second look at an upper-cased letter: the tables only, never the general rule again.</summary>
    private static int FoldNonAsciiOnce(char c, out char first, out char second, out char third)
    {
        first = '\0';
        second = '\0';
        third = '\0';
        int index;
        ReadOnlySpan<byte> table;
        if (c is >= '\u00A0' and <= '\u024F')
        {
            table = TableU00A0;
            index = (c - 0x00A0) * 2;
        }
        else if (c is >= '\u1E00' and <= '\u1EFF')
        {
            table = TableU1E00;
            index = (c - 0x1E00) * 2;
        }
        else
        {
            return Drop;
        }

        var b0 = table[index];
        if (b0 <= 1)
        {
            return Drop;
        }

        first = (char)b0;
        var b1 = table[index + 1];
        if (b1 == 0)
        {
            return 1;
        }

        second = (char)b1;
        return 2;
    }
}
