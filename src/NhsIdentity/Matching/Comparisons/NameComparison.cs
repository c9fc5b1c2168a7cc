using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Text.Phonetics;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Given and family names together (<see cref="NameLevel"/>), so a swap, a nickname or a shared middle name
/// can be recognised; the first level that holds wins.</summary>
/// <remarks>Names are compared after <see cref="PersonName"/> normalisation. "Given" is the first given name;
/// "family" is the whole family name without hyphens and spaces (JONES-SMITH is JONESSMITH). Middle names and the
/// parts of a double-barrelled name take part through <see cref="NameLevel.TokenOverlap"/>.</remarks>
internal readonly struct NameComparison : IComparisonDefinition
{
    /// <summary>Names longer than this (after normalisation) are cut: no real name is, and the lengths are bytes.</summary>
    private const int MaxNameLength = 64;

    /// <summary>Given names (all of them) and family-name tokens longer than this are cut.</summary>
    private const int MaxNameTokensLength = 200;

    /// <summary>Double Metaphone's classic four-letter codes: long codes split spellings that sound alike.</summary>
    private const int PhoneticLength = DoubleMetaphone.ClassicMaxLength;

    private const int FullNameFeature = 0;

    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(NameLevel.ExactFullName), "Given and family names equal (term-frequency adjusted: a common full name counts for less).",
            LevelEvidence.Agrees, supportsTermFrequency: true),
        new(nameof(NameLevel.Swapped), "Given and family names swapped (a frequent keying error).", LevelEvidence.Agrees),
        new(nameof(NameLevel.Nickname), "Family names equal and given names nickname-equivalent (BOB and ROBERT).", LevelEvidence.Agrees),
        new(nameof(NameLevel.JaroWinkler92), "Jaro-Winkler similarity at least jaroWinklerHigh (0.92) on both given and family names.",
            LevelEvidence.Agrees),
        new(nameof(NameLevel.JaroWinkler88), "Jaro-Winkler similarity at least jaroWinklerMedium (0.88) on both given and family names."),
        new(nameof(NameLevel.Phonetic), "Double Metaphone codes (primary or alternate) shared by both given and family names."),
        new(nameof(NameLevel.TokenOverlap), "A given-name token and a family-name token shared (middle names; JONES-SMITH and SMITH)."),
        new(nameof(NameLevel.JaroWinkler70), "Jaro-Winkler similarity at least jaroWinklerLow (0.70) on both given and family names."),

        new(nameof(NameLevel.FamilyOnly), "Only the family names equal (term-frequency adjusted).",
            supportsTermFrequency: true),
        new(nameof(NameLevel.GivenOnly), "Only the given names equal."),
        new(nameof(NameLevel.Else), "None of the above."),
    ];

    private static readonly ComparisonParameterDefinition[] Parameters =
    [
        // The thresholds of Splink's name comparisons and of NHS England's Splink-based linkage model.
        new("jaroWinklerHigh", "Jaro-Winkler similarity for the JaroWinkler92 level (0.92, Splink's and NHS England's).", 0.92, 0, 1),
        new("jaroWinklerMedium", "Jaro-Winkler similarity for the JaroWinkler88 level (0.88, Splink's and NHS England's).", 0.88, 0, 1),
        new("jaroWinklerLow", "Jaro-Winkler similarity for the JaroWinkler70 level (0.70, Splink's and NHS England's).", 0.70, 0, 1),
    ];

    /// <summary>The Jaro-Winkler bands of one measure: 0.92 over 0.88 over 0.70, below the exact full name.</summary>
    public static int[][] WeightChains { get; } =
        [[(int)NameLevel.ExactFullName, (int)NameLevel.JaroWinkler92, (int)NameLevel.JaroWinkler88, (int)NameLevel.JaroWinkler70]];

    public static ComparisonKind Kind => ComparisonKind.Name;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "name", "Name", [nameof(PatientRecord.GivenNames), nameof(PatientRecord.FamilyName)], Levels,

        // m: typical of what Splink's example models and NHS England's linkage model learn on supplier data (60% of
        // true matches have the exact full name). u: from the spread of names in a population of about a million (a
        // full name agrees by chance about once in 50,000 pairs, a family name once in 200).
        defaults:
        [
            (0.600, 2e-5), (0.005, 1e-6), (0.030, 2e-6), (0.150, 5e-5), (0.040, 1e-4), (0.030, 3e-4),
            (0.040, 5e-5), (0.030, 5e-3), (0.040, 5e-3), (0.015, 1e-2), (0.020, 0.979477),
        ],
        Parameters,

        // The single-name blocking key parts are the given-name and family-name comparisons': a rule on them
        // constrains this one too, since it reads the same fields (see BlockingRule.Constrains). The name-set key
        // reads both names, so it is this comparison's.
        blockingParts: [BlockingKeyPart.NameSoundexSet],
        inDefaultModel: false);

    /// <summary>Jaro-Winkler and token scans over given and family names (see <see cref="IComparisonDefinition.CostRank"/>).</summary>
    public static int CostRank => 1;

    // The longest comparer: inlined into the scorer it would use up the JIT's inlining budget, and the comparisons
    // after it would become calls.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var givenA = ra.GivenHash;
        var givenB = rb.GivenHash;
        var familyA = ra.FamilyHash;
        var familyB = rb.FamilyHash;
        var bothGiven = givenA != 0 && givenB != 0;
        var bothFamily = familyA != 0 && familyB != 0;
        var givenEqual = bothGiven && givenA == givenB;
        var familyEqual = bothFamily && familyA == familyB;
        if (!bothGiven || !bothFamily)
        {
            // Only one part can be compared (ExactFullName needs both).
            return OnePartLevel(in settings, givenEqual, familyEqual);
        }

        if (givenEqual && familyEqual && settings.Uses((int)NameLevel.ExactFullName))
        {
            return (int)NameLevel.ExactFullName;
        }

        if (givenA == familyB && familyA == givenB && settings.Uses((int)NameLevel.Swapped))
        {
            return (int)NameLevel.Swapped;
        }

        var nicknameA = ra.NicknameId;
        var nicknameB = rb.NicknameId;
        if (familyEqual && nicknameA >= 0 && nicknameB >= 0 && settings.Uses((int)NameLevel.Nickname)
            && a.Nicknames.AreEquivalent(nicknameA, nicknameB))
        {
            return (int)NameLevel.Nickname;
        }

        // The Jaro-Winkler levels need both names above a threshold, so when the given names are already below the
        // lowest one (most blocked non-matches) the family names' similarity cannot change the level: skip it.
        var givenSimilarity = givenEqual ? 1.0 : JaroWinkler.Similarity(a.Given(in ra), b.Given(in rb));
        var familySimilarity = familyEqual ? 1.0
            : givenSimilarity < settings.Parameter2 && givenSimilarity < settings.Parameter1 && givenSimilarity < settings.Parameter0 ? 0.0
            : JaroWinkler.Similarity(a.Family(in ra), b.Family(in rb));
        var both = Math.Min(givenSimilarity, familySimilarity);
        if (both >= settings.Parameter0 && settings.Uses((int)NameLevel.JaroWinkler92))
        {
            return (int)NameLevel.JaroWinkler92;
        }

        if (both >= settings.Parameter1 && settings.Uses((int)NameLevel.JaroWinkler88))
        {
            return (int)NameLevel.JaroWinkler88;
        }

        if (settings.Uses((int)NameLevel.Phonetic)
            && NameMatching.Phonetic(ra.GivenPhonetic, ra.GivenPhoneticAlternate, rb.GivenPhonetic, rb.GivenPhoneticAlternate)
            && NameMatching.Phonetic(ra.FamilyPhonetic, ra.FamilyPhoneticAlternate, rb.FamilyPhonetic, rb.FamilyPhoneticAlternate))
        {
            return (int)NameLevel.Phonetic;
        }

        // With one given token and one family token on both sides, sharing tokens means being equal, which the
        // levels above have already ruled out: skip the token scan (the common case for non-matching pairs).
        if ((HasSeveralTokens(in ra) | HasSeveralTokens(in rb)) && settings.Uses((int)NameLevel.TokenOverlap)
            && NameMatching.SharesToken(a.GivenTokens(in ra), b.GivenTokens(in rb)) && NameMatching.SharesToken(a.FamilyTokens(in ra), b.FamilyTokens(in rb)))
        {
            return (int)NameLevel.TokenOverlap;
        }

        if (both >= settings.Parameter2 && settings.Uses((int)NameLevel.JaroWinkler70))
        {
            return (int)NameLevel.JaroWinkler70;
        }

        return OnePartLevel(in settings, givenEqual, familyEqual);
    }

    /// <summary>One slice: first given name, all given names, family name and family-name tokens, one after another.</summary>
    public static int ArenaSlices => 1;

    public static ref int ArenaStart(int slice, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(slice, 0);
        return ref row.NameStart;
    }

    public static int ArenaLength(int slice, in PreparedRow row) => slice == 0
        ? row.GivenLength + row.GivenAllLength + row.FamilyLength + row.FamilyTokensLength
        : throw new ArgumentOutOfRangeException(nameof(slice));

    /// <summary>Full names (first given and family) are counted; the family name's frequency, which
    /// <see cref="NameLevel.FamilyOnly"/> reads, is counted by <see cref="FamilyNameComparison"/> (the same key
    /// over the same records, counted once).</summary>
    public static int TermFrequencyFeatures => 1;

    public static ulong TermFrequencyKey(int feature, in PreparedRow row) => feature == FullNameFeature
        ? (row.GivenHash == 0 || row.FamilyHash == 0 ? 0 : (row.GivenHash * 0x9E3779B97F4A7C15UL) ^ row.FamilyHash)
        : throw new ArgumentOutOfRangeException(nameof(feature));

    public static ref float Log2FrequencyOf(int feature, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(feature, FullNameFeature);
        return ref row.Log2FullNameFrequency;
    }

    public static float Log2Frequency(int level, in PreparedRow ra, in PreparedRow rb) => level switch
    {
        (int)NameLevel.ExactFullName => float.MaxNumber(ra.Log2FullNameFrequency, rb.Log2FullNameFrequency),
        (int)NameLevel.FamilyOnly => float.MaxNumber(ra.Log2FamilyFrequency, rb.Log2FamilyFrequency),
        _ => float.NaN,
    };

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual((int)part, (int)BlockingKeyPart.NameSoundexSet, nameof(part));

        // The given name's code is not kept in the row: a key is made once per record and rule (and per index
        // lookup), never per pair, so encoding it here costs less than growing every prepared row.
        var family = row.FamilySoundex;
        var given = family == 0 ? 0 : SoundexHash(set.Given(in row));
        if (given == 0)
        {
            return 0;
        }

        // Smaller code first, so the pair is the same whichever field each name was keyed into; both are odd, so the
        // key is never 0.
        return given < family ? ((ulong)given << 32) | family : ((ulong)family << 32) | given;
    }

    /// <summary>A 32-bit hash of the name's Soundex code, odd so never 0; 0 when the name has no letter to code.</summary>
    private static uint SoundexHash(ReadOnlySpan<char> name)
    {
        Span<char> soundex = stackalloc char[Soundex.MaxCodeLength];
        return !name.IsEmpty && Soundex.TryEncode(name, soundex, out var length) && length > 0
            ? (uint)RecordSet.Hash(soundex[..length]) | 1 : 0;
    }

    /// <summary>Whether the given or family name has more than one token (see <see cref="NameMatching"/>).</summary>
    private static bool HasSeveralTokens(in PreparedRow row) =>
        NameMatching.HasSeveralGivenTokens(in row) || NameMatching.HasSeveralFamilyTokens(in row);

    private static int OnePartLevel(in ComparisonSettings settings, bool givenEqual, bool familyEqual) =>
        familyEqual && settings.Uses((int)NameLevel.FamilyOnly) ? (int)NameLevel.FamilyOnly
        : givenEqual && settings.Uses((int)NameLevel.GivenOnly) ? (int)NameLevel.GivenOnly
        : (int)NameLevel.Else;

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        Span<char> given = stackalloc char[MaxNameTokensLength];
        Span<char> family = stackalloc char[MaxNameTokensLength];
        var givenState = Normalize(record.GivenNames, given, out var givenLength);
        var familyState = Normalize(record.FamilyName, family, out var familyLength);
        given = given[..givenLength];
        family = family[..familyLength];

        // Slices in the arena: first given name (compact), all given names (space-separated tokens), family name
        // (compact), family name tokens. Compact forms drop the hyphens so MARY-JANE and MARYJANE agree.
        PersonName.SplitGivenNames(given, out var first, out _);
        Span<char> givenCompact = stackalloc char[MaxNameLength];
        Span<char> familyCompact = stackalloc char[MaxNameLength];
        givenCompact = givenCompact[..Compact(first, givenCompact)];
        familyCompact = familyCompact[..Compact(family, familyCompact)];
        given.Replace('-', ' ');
        family.Replace('-', ' ');

        row.NameStart = set.AppendToArena(givenCompact);
        set.AppendToArena(given);
        set.AppendToArena(familyCompact);
        set.AppendToArena(family);
        row.GivenLength = (byte)givenCompact.Length;
        row.GivenAllLength = (ushort)given.Length;
        row.FamilyLength = (byte)familyCompact.Length;
        row.FamilyTokensLength = (ushort)family.Length;

        row.GivenHash = RecordSet.Hash(givenCompact);
        row.FamilyHash = RecordSet.Hash(familyCompact);
        row.NicknameId = !givenCompact.IsEmpty && set.Options.Nicknames.TryGetId(givenCompact, out var id) ? id : -1;
        (row.GivenPhonetic, row.GivenPhoneticAlternate) = Phonetic(givenCompact);
        (row.FamilyPhonetic, row.FamilyPhoneticAlternate) = Phonetic(familyCompact);
        row.FamilySoundex = SoundexHash(familyCompact);

        return !givenCompact.IsEmpty || !familyCompact.IsEmpty ? FieldState.Present
            : givenState == FieldState.Placeholder || familyState == FieldState.Placeholder ? FieldState.Placeholder
            : FieldState.Missing;
    }

    private static FieldState Normalize(string? text, Span<char> destination, out int length)
    {
        length = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        Span<char> scratch = stackalloc char[PersonName.GetMaxNormalizedLength(Math.Min(text.Length, MaxNameTokensLength))];
        PersonName.TryNormalize(text.AsSpan(0, Math.Min(text.Length, MaxNameTokensLength)), scratch, out var written);
        var normalized = scratch[..written];
        if (PersonName.IsPlaceholder(normalized))
        {
            return FieldState.Placeholder;
        }

        // Cut at a separator so a cut never leaves half a word behind.
        if (normalized.Length > destination.Length)
        {
            normalized = normalized[..destination.Length];
            var cut = normalized.LastIndexOfAny(' ', '-');
            normalized = cut > 0 ? normalized[..cut] : normalized;
        }

        normalized.CopyTo(destination);
        length = normalized.Length;
        return length > 0 ? FieldState.Present : FieldState.Missing;
    }

    private static int Compact(ReadOnlySpan<char> name, Span<char> destination)
    {
        var written = 0;
        foreach (var c in name)
        {
            if (c is not (' ' or '-') && written < destination.Length)
            {
                destination[written++] = c;
            }
        }

        return written;
    }

    private static (uint Primary, uint Alternate) Phonetic(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return (0, 0);
        }

        Span<char> primary = stackalloc char[PhoneticLength];
        Span<char> alternate = stackalloc char[PhoneticLength];
        if (!DoubleMetaphone.TryEncode(name, primary, alternate, out var primaryLength, out var alternateLength, PhoneticLength)
            || primaryLength == 0)
        {
            return (0, 0);
        }

        var primaryCode = (uint)RecordSet.Hash(primary[..primaryLength]);
        var alternateCode = alternateLength == 0 ? primaryCode : (uint)RecordSet.Hash(alternate[..alternateLength]);
        return (primaryCode | 1, alternateCode | 1);
    }
}
