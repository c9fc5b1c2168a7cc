using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Address text by token-set similarity (<see cref="AddressLevel"/>), so word order, repeated words and a
/// missing town matter little.</summary>
internal readonly struct AddressComparison : IComparisonDefinition
{
    private const int MaxLength = 512;

    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(AddressLevel.Similar90), "Token-set similarity at least similarHigh (0.9 by default).",
            LevelEvidence.Agrees | LevelEvidence.SameAddress),
        new(nameof(AddressLevel.Similar70), "Token-set similarity at least similarLow (0.7 by default)."),
        new(nameof(AddressLevel.Else), "Below similarLow."),
    ];

    private static readonly ComparisonParameterDefinition[] Parameters =
    [
        // The cut-offs of FuzzySharp's token-set ratio that Splink's address examples and most published UK address
        // matchers use for "the same address written differently" and "probably the same street".
        new("similarHigh", "Token-set similarity for the Similar90 level (0.9: the same address written differently).", 0.9, 0, 1),
        new("similarLow", "Token-set similarity for the Similar70 level (0.7: probably the same street).", 0.7, 0, 1),
    ];

    /// <summary>The similarity bands of one measure: at least 0.9 over at least 0.7 over below.</summary>
    public static int[][] WeightChains { get; } = [[(int)AddressLevel.Similar90, (int)AddressLevel.Similar70, (int)AddressLevel.Else]];

    public static ComparisonKind Kind => ComparisonKind.Address;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 2, "address", "Address", [nameof(PatientRecord.Address)], Levels,

        // Addresses are written many ways and people move: 70% of true matches reach Similar90; random pairs in one
        // extract almost never do (u 1e-4) and share a street about 1 time in 500.
        defaults: [(0.70, 1e-4), (0.15, 2e-3), (0.15, 0.9979)],
        Parameters,

        // Two people of one family who share a postcode mostly live at one address: among them an equal address adds
        // little to the postcode already counted.
        householdU: [0.85, 0.05, 0.10],
        blockingParts: [BlockingKeyPart.Address]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.Address;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        var source = text.AsSpan(0, Math.Min(text.Length, MaxLength));
        Span<char> prepared = stackalloc char[TokenSet.GetMaxPreparedLength(source.Length)];
        TokenSet.TryPrepare(source, prepared, out var length); // the buffer is always long enough
        if (length == 0)
        {
            return FieldState.Invalid;
        }

        row.AddressStart = set.AppendToArena(prepared[..length]);
        row.AddressLength = (ushort)length;
        return FieldState.Present;
    }

    /// <summary>Token sets over the whole address: the costliest comparison, made last (see <see cref="IComparisonDefinition.CostRank"/>).</summary>
    public static int CostRank => 2;

    /// <summary>A comparison of two present addresses always returns a level.</summary>
    public static uint UnreachableCodes(in PreparedRow ra, in PreparedRow rb) => ComparisonCatalog.MissingCodes;

    // Kept out of line for the same reason as the name comparer: the token-set similarity it calls is out of line anyway.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var tokensA = a.AddressTokens(in ra);
        var tokensB = b.AddressTokens(in rb);
        var similarity = tokensA.SequenceEqual(tokensB) ? 1.0 : TokenSet.SimilarityOfPrepared(tokensA, tokensB);
        return similarity >= settings.Parameter0 && settings.Uses((int)AddressLevel.Similar90) ? (int)AddressLevel.Similar90
            : similarity >= settings.Parameter1 && settings.Uses((int)AddressLevel.Similar70) ? (int)AddressLevel.Similar70
            : (int)AddressLevel.Else;
    }

    /// <summary>The hash of the prepared token set, equal exactly when the two addresses have the same words; none
    /// for an address without a number.</summary>
    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual((int)part, (int)BlockingKeyPart.Address, nameof(part));
        var tokens = set.AddressTokens(in row);

        // Without a house or flat number the words name a street, a town or a house name at best: a town alone (the
        // address column of some extracts, Splink's fake_1000 "city") would put a whole town in one block.
        // Prepared tokens are ASCII letters and digits only.
        return tokens.ContainsAnyInRange('0', '9') ? RecordSet.Hash(tokens) : 0;
    }

    /// <summary>One slice: the address tokens.</summary>
    public static int ArenaSlices => 1;

    public static ref int ArenaStart(int slice, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(slice, 0);
        return ref row.AddressStart;
    }

    public static int ArenaLength(int slice, in PreparedRow row) =>
        slice == 0 ? row.AddressLength : throw new ArgumentOutOfRangeException(nameof(slice));
}
