using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Email addresses, lower-cased: equal or different (<see cref="ExactLevel"/>).</summary>
internal readonly struct EmailComparison : IComparisonDefinition
{
    private static readonly ComparisonLevelDefinition[] Levels = ExactComparison.Levels("Equal after lower-casing.");

    public static ComparisonKind Kind => ComparisonKind.Email;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "email", "Email", [nameof(PatientRecord.Email)], Levels,

        // Addresses change (m 0.8) but two people rarely share one (u 1e-5; a family address shared by a household
        // is the exception the weight of other fields must outvote).
        defaults: [(0.80, 1e-5), (0.20, 0.99999)],
        blockingParts: [BlockingKeyPart.Email],

        // A parent's address is sometimes given for a child.
        householdU: [0.1, 0.9]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.Email;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        var trimmed = text.AsSpan().Trim();
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Length > 320)
        {
            return FieldState.Invalid;
        }

        Span<char> lower = stackalloc char[trimmed.Length];
        trimmed.ToLowerInvariant(lower);
        row.Email = RecordSet.Hash(lower);
        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) =>
        ExactComparison.Compare(in settings, ra.Email, rb.Email);

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => row.Email;
}
