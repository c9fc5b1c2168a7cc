using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Telephone numbers, as their last ten digits: equal or different (<see cref="ExactLevel"/>).</summary>
internal readonly struct PhoneComparison : IComparisonDefinition
{
    private static readonly ComparisonLevelDefinition[] Levels =
        ExactComparison.Levels("The last ten digits equal (+44 7700 900123 and 07700 900123 agree).");

    public static ComparisonKind Kind => ComparisonKind.Phone;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "phone", "Phone", [nameof(PatientRecord.Phone)], Levels,

        // Numbers change more often than email addresses (m 0.7); a landline is shared by a household, which the
        // other fields must outvote.
        defaults: [(0.70, 1e-5), (0.30, 0.99999)],
        blockingParts: [BlockingKeyPart.Phone],

        // One household often gives one landline.
        householdU: [0.5, 0.5]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.Phone;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        // The last ten digits: +44 7700 900123 and 07700 900123 agree.
        long value = 0;
        long scale = 1;
        var digits = 0;
        for (var i = text.Length - 1; i >= 0 && digits < 10; i--)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                value += (text[i] - '0') * scale;
                scale *= 10;
                digits++;
            }
        }

        if (digits < 9)
        {
            return FieldState.Invalid;
        }

        row.Phone = value + scale; // the leading 1 keeps 0123... and 123... apart
        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) =>
        ExactComparison.Compare(in settings, (ulong)ra.Phone, (ulong)rb.Phone);

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => (ulong)row.Phone;
}
