using NhsIdentity.Matching;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>Two invented people (999-range NHS numbers) for targets that need a pair to score.</summary>
internal static class SampleRecords
{
    public static RecordSet Set { get; } = new(
    [
        new PatientRecord
        {
            Id = "a", NhsNumber = "999 000 0018", GivenNames = "Avery", FamilyName = "Quillfeather", DateOfBirth = "05/03/1961",
            Sex = "F", Postcode = "LS1 4AP", Address = "1 Example Row", LocalIdentifier = "L1", Phone = "0113 496 0000", Email = "avery@example.org",
        },
        new PatientRecord
        {
            Id = "b", NhsNumber = "9990000026", GivenNames = "Avery J", FamilyName = "Quilfeather", DateOfBirth = "1961-03-05",
            Sex = "female", Postcode = "ls14ap", Address = "Flat 2, 1 Example Row",
        },
    ]);
}
