using System.Buffers;

namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// Double Metaphone (Lawrence Philips, "The Double Metaphone Search Algorithm", C/C++ Users Journal, June 2000):
/// a primary and an alternate code per name, so names with more than one plausible pronunciation match on either.
/// Smith is <c>SM0</c> / <c>XMT</c> (0 is the TH sound), Catherine <c>K0RN</c> / <c>KTRN</c>, Thompson
/// <c>TMPSN</c>, Thomson <c>TMSN</c>, Mohammed and Muhammad <c>MHMT</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rules.</b> Philips' reference rules, as in his C++ implementation and Apache Commons Codec's port: silent
/// initial GN, KN, PN, WR, PS; initial X as S; GH by position (Parker's rule); Germanic, Greek, Italian, Spanish,
/// French, Slavic and Chinese special cases; <c>Ç</c> as S and <c>Ñ</c> as N. The code alphabet is
/// <c>A F H J K L M N P R S T X 0</c>. The alternate equals the primary when there is no alternate pronunciation
/// (the reference's convention). Where Philips' reference adds nothing to the alternate (a final J, as in Raj),
/// so does this one; Apache's port adds a space there.
/// </para>
/// <para>
/// <b>Length.</b> Philips (and Apache, by default) cut both codes to 4 characters, <see cref="ClassicMaxLength"/>:
/// a compact index key, but Thompson and Thomson then share <c>TMPS</c>/<c>TMSN</c> prefixes only by accident and
/// long names lose their endings. The default here is <see cref="DefaultMaxLength"/> (12), which leaves the code of
/// every name in the ONS baby-names list (England and Wales, 1996-2018) and the UK surname list used by the
/// benchmarks untruncated, so matching compares whole codes. Pass <see cref="ClassicMaxLength"/> for keys
/// compatible with other implementations, or <see cref="int.MaxValue"/> for no limit; a code is never longer
/// than twice the number of letters.
/// </para>
/// <para>
/// <b>Input.</b> Case-insensitive. Runs of white space and hyphens separate words (some rules look at word
/// boundaries: San Jose, Van and Von, Mac Gregor); other non-letters (apostrophes, full stops, digits) are ignored
/// as if absent, so <c>O'Brien</c> codes as <c>OBRIEN</c>. Non-ASCII letters other than <c>Ç</c> and <c>Ñ</c> are
/// ignored too: fold accents to ASCII first (the <c>PersonName</c> helpers do). Text without a letter has the empty
/// code.
/// </para>
/// <para>Thread-safe, allocation-free (the <see cref="Encode(string)"/> conveniences allocate their results only).</para>
/// <para>Only the first 1,048,576 characters of the text are read (no name comes near it), so no input length can
/// make the working space overflow.</para>
/// </remarks>
public static class DoubleMetaphone
{
    /// <summary>The maximum code length used when none is given: 12, long enough for every name in the ONS and UK surname lists.</summary>
    public const int DefaultMaxLength = 12;

    /// <summary>Philips' and Apache Commons Codec's code length, 4.</summary>
    public const int ClassicMaxLength = 4;

    /// <summary>
    /// Tries to write the primary and alternate codes of <paramref name="name"/>, each at most
    /// <see cref="DefaultMaxLength"/> long.
    /// </summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="primary">Where to write the primary code; <see cref="DefaultMaxLength"/> characters always suffice.</param>
    /// <param name="alternate">Where to write the alternate code (equal to the primary when there is none); the same size suffices.</param>
    /// <param name="primaryWritten">The primary code's length (0 without letters, and on failure).</param>
    /// <param name="alternateWritten">The alternate code's length (0 without letters, and on failure).</param>
    /// <returns><see langword="false"/> only when a destination is too short for its code; then neither is written.</returns>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> primary, Span<char> alternate, out int primaryWritten, out int alternateWritten) =>
        TryEncode(name, primary, alternate, out primaryWritten, out alternateWritten, DefaultMaxLength);

    /// <summary>
    /// Tries to write the primary and alternate codes of <paramref name="name"/>, each at most
    /// <paramref name="maxLength"/> long.
    /// </summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="primary">Where to write the primary code; <paramref name="maxLength"/> characters always suffice.</param>
    /// <param name="alternate">Where to write the alternate code (equal to the primary when there is none); the same size suffices.</param>
    /// <param name="primaryWritten">The primary code's length (0 without letters, and on failure).</param>
    /// <param name="alternateWritten">The alternate code's length (0 without letters, and on failure).</param>
    /// <param name="maxLength">The maximum length of each code, at least 1: <see cref="ClassicMaxLength"/>, <see cref="DefaultMaxLength"/>, or <see cref="int.MaxValue"/> for no limit.</param>
    /// <returns><see langword="false"/> only when a destination is too short for its code; then neither is written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> primary, Span<char> alternate, out int primaryWritten, out int alternateWritten, int maxLength)
    {
        if (maxLength < 1)
        {
            PhoneticsThrowHelper.ThrowMaxLengthOutOfRange(nameof(maxLength));
        }

        var text = PhoneticScratch.Clip(name);
        char[]? rented = null;
        var work = text.Length <= PhoneticScratch.StackLimit
            ? stackalloc char[text.Length * 5]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 5));
        try
        {
            Run(text, work, maxLength, out var primaryCode, out var alternateCode);
            if (primaryCode.Length <= primary.Length && alternateCode.Length <= alternate.Length)
            {
                primaryCode.CopyTo(primary);
                alternateCode.CopyTo(alternate);
                primaryWritten = primaryCode.Length;
                alternateWritten = alternateCode.Length;
                return true;
            }

            primaryWritten = 0;
            alternateWritten = 0;
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Tries to write the primary code of <paramref name="name"/>, at most <see cref="DefaultMaxLength"/> long.</summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="destination">Where to write; <see cref="DefaultMaxLength"/> characters always suffice.</param>
    /// <param name="charsWritten">The code's length (0 without letters, and on failure).</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten) =>
        TryEncode(name, destination, out charsWritten, DefaultMaxLength);

    /// <summary>Tries to write the primary code of <paramref name="name"/>, at most <paramref name="maxLength"/> long.</summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="destination">Where to write; <paramref name="maxLength"/> characters always suffice.</param>
    /// <param name="charsWritten">The code's length (0 without letters, and on failure).</param>
    /// <param name="maxLength">The maximum code length, at least 1.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten, int maxLength)
    {
        if (maxLength < 1)
        {
            PhoneticsThrowHelper.ThrowMaxLengthOutOfRange(nameof(maxLength));
        }

        var text = PhoneticScratch.Clip(name);
        char[]? rented = null;
        var work = text.Length <= PhoneticScratch.StackLimit
            ? stackalloc char[text.Length * 5]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 5));
        try
        {
            Run(text, work, maxLength, out var primaryCode, out _);
            return PhoneticScratch.TryCopy(primaryCode, destination, out charsWritten);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Returns the primary and alternate codes of <paramref name="name"/>, each at most <see cref="DefaultMaxLength"/> long.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The codes; both empty when the name has no letters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static DoubleMetaphoneCode Encode(string name) => Encode(name, DefaultMaxLength);

    /// <summary>Returns the primary and alternate codes of <paramref name="name"/>, each at most <paramref name="maxLength"/> long.</summary>
    /// <param name="name">The name.</param>
    /// <param name="maxLength">The maximum length of each code, at least 1.</param>
    /// <returns>The codes; both empty when the name has no letters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static DoubleMetaphoneCode Encode(string name, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (maxLength < 1)
        {
            PhoneticsThrowHelper.ThrowMaxLengthOutOfRange(nameof(maxLength));
        }

        var text = PhoneticScratch.Clip(name);
        char[]? rented = null;
        var work = text.Length <= PhoneticScratch.StackLimit
            ? stackalloc char[text.Length * 5]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 5));
        try
        {
            Run(text, work, maxLength, out var primaryCode, out var alternateCode);
            var primary = new string(primaryCode);

            // One string when the codes agree: the common case allocates a single result.
            var alternate = alternateCode.SequenceEqual(primaryCode) ? primary : new string(alternateCode);
            return new DoubleMetaphoneCode(primary, alternate);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Prepares the name in <paramref name="work"/> (at least 5 x the name's length: the prepared name, then two
    /// code buffers of twice that) and runs the rules; the codes are slices of <paramref name="work"/>.
    /// </summary>
    private static void Run(ReadOnlySpan<char> name, Span<char> work, int maxLength, out ReadOnlySpan<char> primary, out ReadOnlySpan<char> alternate)
    {
        var length = Prepare(name, work);
        if (length == 0)
        {
            primary = default;
            alternate = default;
            return;
        }

        var capacity = Math.Min(maxLength, 2 * length);
        var primaryBuffer = work.Slice(length, capacity);
        var alternateBuffer = work.Slice(length + capacity, capacity);
        var encoder = new DoubleMetaphoneEncoder(work[..length], primaryBuffer, alternateBuffer, capacity);
        encoder.Run();
        primary = primaryBuffer[..encoder.PrimaryLength];
        alternate = alternateBuffer[..encoder.AlternateLength];
    }

    /// <summary>
    /// Writes the upper-case letters of <paramref name="name"/> to <paramref name="prepared"/>, with one space for
    /// each run of white space or hyphens between words and none at either end; returns the length.
    /// </summary>
    private static int Prepare(ReadOnlySpan<char> name, Span<char> prepared)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in name)
        {
            var letter = PhoneticScratch.UpperAsciiLetter(c);
            if (letter == '\0')
            {
                switch (c)
                {
                    case 'Ç' or 'ç':
                        letter = 'Ç';
                        break;
                    case 'Ñ' or 'ñ':
                        letter = 'Ñ';
                        break;
                    case '-':
                        pendingSpace = true;
                        continue;
                    default:
                        pendingSpace |= char.IsWhiteSpace(c);
                        continue;
                }
            }

            if (pendingSpace && length > 0)
            {
                prepared[length++] = ' ';
            }

            pendingSpace = false;
            prepared[length++] = letter;
        }

        return length;
    }
}
