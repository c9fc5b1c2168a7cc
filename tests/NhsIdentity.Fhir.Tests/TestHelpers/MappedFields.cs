using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.TestHelpers;

/// <summary>The fields of a record as the matcher reads them (parsed, or with white space normalised), so a round trip
/// through FHIR can be compared with the original independently of spacing and code formats.</summary>
internal readonly record struct MappedFields(
    string? Id,
    NhsNumber NhsNumber,
    string? GivenNames,
    string? FamilyName,
    DateOfBirth DateOfBirth,
    Sex? Sex,
    Postcode Postcode,
    string? Address,
    string? LocalIdentifier,
    string? Phone,
    string? Email,
    string? GpPracticeCode)
{
    public static MappedFields Of(PatientRecord record) => new(
        Trimmed(record.Id),
        NhsNumber.TryParse(record.NhsNumber, out var nhs) ? nhs : default,
        Words(record.GivenNames),
        Trimmed(record.FamilyName),
        DateOfBirth.TryParse(record.DateOfBirth, out var date) ? date : default,
        SexCodes.TryParse(record.Sex, out var sex) ? (sex == Demographics.Sex.Indeterminate ? Demographics.Sex.Other : sex) : null,
        Postcode.TryParse(record.Postcode, out var postcode) ? postcode : default,
        AddressText(record.Address),
        Trimmed(record.LocalIdentifier),
        Trimmed(record.Phone),
        Trimmed(record.Email),
        Trimmed(record.GpPracticeCode)?.ToUpperInvariant()); // ODS codes are upper case; either case names the practice

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? AddressText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var lines = text.Split(',').Select(Words).Where(line => line is not null);
        var joined = string.Join(", ", lines);
        return joined.Length == 0 ? null : joined;
    }
}
