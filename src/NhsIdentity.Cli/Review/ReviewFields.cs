using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>The record fields a reviewer sees side by side, and their column names in the review file.</summary>
internal static class ReviewFields
{
    /// <summary>Every field a mapping can fill, in the order a reviewer reads a record.</summary>
    public static readonly IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> All =
    [
        ("nhs_number", "NHS number", r => r.NhsNumber),
        ("given_names", "Given names", r => r.GivenNames),
        ("family_name", "Family name", r => r.FamilyName),
        ("date_of_birth", "Date of birth", r => r.DateOfBirth),
        ("sex", "Sex", r => r.Sex),
        ("address", "Address", r => r.Address),
        ("postcode", "Postcode", r => r.Postcode),
        ("local_identifier", "Local identifier", r => r.LocalIdentifier),
        ("phone", "Phone", r => r.Phone),
        ("email", "Email", r => r.Email),
        ("gp_practice_code", "GP practice", r => r.GpPracticeCode),
    ];

    /// <summary>The fields that hold a value in at least one record of either input: the mapped ones. A field neither
    /// extract has would only add two empty columns per pair.</summary>
    public static IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> Mapped(
        IReadOnlyList<PatientRecord> left, IReadOnlyList<PatientRecord> right)
    {
        var mapped = new List<(string, string, Func<PatientRecord, string?>)>();
        foreach (var field in All)
        {
            if (AnyValue(left, field.Get) || AnyValue(right, field.Get))
            {
                mapped.Add(field);
            }
        }

        return mapped;
    }

    /// <summary>Whether two values differ for a reviewer: ignoring case and surrounding space.</summary>
    public static bool Differ(string? left, string? right) =>
        !string.Equals(left?.Trim() ?? string.Empty, right?.Trim() ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    private static bool AnyValue(IReadOnlyList<PatientRecord> records, Func<PatientRecord, string?> get)
    {
        foreach (var record in records)
        {
            if (!string.IsNullOrWhiteSpace(get(record)))
            {
                return true;
            }
        }

        return false;
    }
}
