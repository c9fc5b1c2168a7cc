using NhsIdentity.Demographics;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Postcodes by their parts: unit, sector, district, area (<see cref="PostcodeLevel"/>).</summary>
/// <remarks>Pseudo-postcodes (<c>ZZ99</c>: no fixed abode, not known, abroad) are placeholders. A postcode that is not
/// a UK postcode (an overseas patient's, a benchmark's) is kept as text when it has the shape of a postal code and
/// can reach only <see cref="PostcodeLevel.Full"/> or <see cref="PostcodeLevel.Else"/>.</remarks>
internal readonly struct PostcodeComparison : IComparisonDefinition
{
    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(PostcodeLevel.Full), "The full postcode equal (term-frequency adjusted: a block of flats shares one).",
            LevelEvidence.Agrees | LevelEvidence.SameHome, supportsTermFrequency: true),
        new(nameof(PostcodeLevel.Sector), "Same sector (LS1 4)."),
        new(nameof(PostcodeLevel.District), "Same district (LS1)."),
        new(nameof(PostcodeLevel.Area), "Same area (LS)."),
        new(nameof(PostcodeLevel.Else), "None of the above."),
    ];

    /// <summary>The parts of a postcode, finest first: sharing a smaller area is never weaker evidence.</summary>
    public static int[][] WeightChains { get; } =
        [[(int)PostcodeLevel.Full, (int)PostcodeLevel.Sector, (int)PostcodeLevel.District, (int)PostcodeLevel.Area, (int)PostcodeLevel.Else]];

    public static ComparisonKind Kind => ComparisonKind.Postcode;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "postcode", "Postcode", [nameof(PatientRecord.Postcode)], Levels,

        // A postcode unit holds about 15 addresses, so two people in an extract of a million share one about once
        // in 20,000 pairs; people move, so an old postcode on a true match is common (m 0.10 for Else).
        defaults: [(0.75, 5e-5), (0.05, 5e-4), (0.05, 3e-3), (0.05, 2e-2), (0.10, 0.97645)],
        blockingParts: [BlockingKeyPart.PostcodeUnit, BlockingKeyPart.PostcodeSector, BlockingKeyPart.PostcodeDistrict]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.Postcode;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        if (Postcode.TryParse(text, out var postcode))
        {
            if (postcode.IsPseudo)
            {
                return FieldState.Placeholder;
            }

            row.Postcode = postcode;
            return FieldState.Present;
        }

        // Not a UK postcode. Kept as upper-case letters and digits when it has the shape of a postal code (3 to 10 of
        // them, at least one digit), so "N/A" or "UNKNOWN" stay out.
        Span<char> code = stackalloc char[10];
        if (!CodeText.TryRead(text, code, out var length))
        {
            return FieldState.Invalid;
        }

        row.OtherPostcode = RecordSet.Hash(code[..length]);
        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var otherA = ra.OtherPostcode;
        var otherB = rb.OtherPostcode;
        if ((otherA | otherB) != 0)
        {
            return otherA == otherB && settings.Uses((int)PostcodeLevel.Full) ? (int)PostcodeLevel.Full : (int)PostcodeLevel.Else;
        }

        var postcodeA = ra.Postcode;
        var postcodeB = rb.Postcode;
        return settings.Uses((int)PostcodeLevel.Full) && postcodeA.SharesPart(postcodeB, PostcodePart.Unit) ? (int)PostcodeLevel.Full
            : settings.Uses((int)PostcodeLevel.Sector) && postcodeA.SharesPart(postcodeB, PostcodePart.Sector) ? (int)PostcodeLevel.Sector
            : settings.Uses((int)PostcodeLevel.District) && postcodeA.SharesPart(postcodeB, PostcodePart.District) ? (int)PostcodeLevel.District
            : settings.Uses((int)PostcodeLevel.Area) && postcodeA.SharesPart(postcodeB, PostcodePart.Area) ? (int)PostcodeLevel.Area
            : (int)PostcodeLevel.Else;
    }

    /// <summary>Full postcodes are counted (a block of flats shares one).</summary>
    public static int TermFrequencyFeatures => 1;

    public static ulong TermFrequencyKey(int feature, in PreparedRow row) =>
        feature == 0 ? UnitKey(in row) : throw new ArgumentOutOfRangeException(nameof(feature));

    public static ref float Log2FrequencyOf(int feature, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(feature, 0);
        return ref row.Log2PostcodeFrequency;
    }

    public static float Log2Frequency(int level, in PreparedRow ra, in PreparedRow rb) =>
        level == (int)PostcodeLevel.Full ? float.MaxNumber(ra.Log2PostcodeFrequency, rb.Log2PostcodeFrequency) : float.NaN;

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => part switch
    {
        BlockingKeyPart.PostcodeUnit => UnitKey(in row),
        BlockingKeyPart.PostcodeSector => PartKey(in row, PostcodePart.Sector),
        BlockingKeyPart.PostcodeDistrict => PartKey(in row, PostcodePart.District),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The key of a present postcode's full value (UK unit, or non-UK text): what term frequencies count.</summary>
    private static ulong UnitKey(in PreparedRow row) =>
        row.OtherPostcode != 0 ? row.OtherPostcode : (ulong)row.Postcode.GetPartKey(PostcodePart.Unit) | 1UL << 63;

    /// <summary>Sectors and districts exist for UK postcodes only.</summary>
    private static ulong PartKey(in PreparedRow row, PostcodePart part) =>
        row.OtherPostcode != 0 ? 0 : (ulong)row.Postcode.GetPartKey(part) | 1UL << 62;
}
