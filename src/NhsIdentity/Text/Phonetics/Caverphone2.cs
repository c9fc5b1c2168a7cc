using System.Buffers;

namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// Caverphone 2.0 (David Hood, "Caverphone Revisited", Caversham Project, University of Otago, 2004), the phonetic
/// code built for matching New Zealand electoral rolls and later used in health-record linkage: ten characters,
/// padded with <c>1</c>. Peter is <c>PTA1111111</c>, Stevenson <c>STFNSN1111</c>, Lee <c>LA11111111</c>,
/// Thompson <c>TMPSN11111</c> and Thomson <c>TMSN111111</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rules</b> (Hood 2004, applied in order to the lower-cased letters): drop a final <c>e</c>; rewrite a leading
/// cough, rough, tough, enough, trough and gn; a final mb; then the replacements cq→2q, ci/ce/cy→si/se/sy, tch→2ch,
/// c/q/x→k, v→f, dg→2g, tio/tia→sio/sia, d→t, ph→fh, b→p, sh→s2, z→s, a leading vowel→A, other vowels→3, j→y, a
/// leading y3→Y3, a leading y→A, y→3, 3gh3→3kh3, gh→22, g→k, runs of s/t/p/k/f/m/n→S/T/P/K/F/M/N, w3→W3, wh3→Wh3,
/// final w→3, w→2, a leading h→A, h→2, r3→R3, final r→3, r→2, l3→L3, final l→3, l→2; then remove every 2, make a
/// final 3 an A, remove every 3, pad with 1 and keep the first ten characters. Each step rewrites every
/// non-overlapping match left to right, like the regular expressions of Hood's specification.
/// </para>
/// <para>
/// <b>Input.</b> Case-insensitive. Only ASCII letters are coded; everything else is ignored as if absent (Hood's
/// first step removes anything that is not a-z). Accented or other non-ASCII letters are ignored too: fold them to
/// ASCII first if they should count. Text without an ASCII letter has the <b>empty</b> code (Hood's procedure would
/// give <c>1111111111</c>, which would make every such value match every other); a name whose letters all vanish,
/// such as <c>"e"</c>, still gets <c>1111111111</c>.
/// </para>
/// <para>Thread-safe, allocation-free (the <see cref="Encode(string)"/> convenience allocates its result only).</para>
/// </remarks>
public static class Caverphone2
{
    /// <summary>The length of every non-empty Caverphone 2.0 code.</summary>
    public const int MaxCodeLength = 10;

    /// <summary>Tries to write the Caverphone 2.0 code of <paramref name="name"/> to <paramref name="destination"/>.</summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="destination">Where to write; <see cref="MaxCodeLength"/> characters always suffice.</param>
    /// <param name="charsWritten">10, or 0 when the name has no ASCII letter (the empty code) or on failure.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten)
    {
        Span<char> code = stackalloc char[MaxCodeLength];
        return PhoneticScratch.TryCopy(code[..Encode(name, code)], destination, out charsWritten);
    }

    /// <summary>Returns the Caverphone 2.0 code of <paramref name="name"/> (for example <c>"PTA1111111"</c>), or an empty string when it has no ASCII letter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> code = stackalloc char[MaxCodeLength];
        return new string(code[..Encode(name, code)]);
    }

    /// <summary>Writes the code to <paramref name="code"/> (10 chars); returns 10, or 0 when the name has no ASCII letter.</summary>
    private static int Encode(ReadOnlySpan<char> name, Span<char> code)
    {
        char[]? rented = null;
        var work = name.Length <= PhoneticScratch.StackLimit
            ? stackalloc char[name.Length]
            : (rented = ArrayPool<char>.Shared.Rent(name.Length));
        try
        {
            var n = 0;
            foreach (var c in name)
            {
                var upper = PhoneticScratch.UpperAsciiLetter(c);
                if (upper != '\0')
                {
                    work[n++] = (char)(upper | 0x20);
                }
            }

            if (n == 0)
            {
                return 0;
            }

            n = Caverphone2Rules.Apply(work[..n]);
            var kept = Math.Min(n, MaxCodeLength);
            work[..kept].CopyTo(code);
            code[kept..].Fill('1');
            return MaxCodeLength;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
