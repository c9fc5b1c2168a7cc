using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

/// <summary>Invented people for matcher tests (999-range NHS numbers only).</summary>
internal static class MatchingSamples
{
    public static readonly PatientRecord Alice = MatchModelScoringTests.Alice;

    public static readonly PatientRecord AliceTypo = Alice.With(id: "A9", nhs: "", given: "Alcie", family: "Pembert0n", dob: "14/03/1978", postcode: "LS1 4AQ");

    public static readonly PatientRecord Stranger = new()
    {
        Id = "S1", NhsNumber = "999 000 0026", GivenNames = "Brian", FamilyName = "Okafor", DateOfBirth = "1950-07-02",
        Sex = "M", Postcode = "M1 1AE", Address = "3 Mill Lane, Manchester", LocalIdentifier = "RX9", Email = "b@example.org", Phone = "0113 496 0000",
    };
}
