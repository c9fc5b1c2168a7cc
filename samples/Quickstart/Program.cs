using NhsIdentity;

// Validate: why is it not a number? The description never contains the input, so it is safe to log.
foreach (var text in new[] { "999 000 0018", "9990000019", "999000001" })
{
    var status = NhsNumber.Validate(text);
    Console.WriteLine(status == NhsNumberStatus.Valid ? "valid" : $"invalid: {status.GetDescription()}");
}

// Parse (lenient: plain, spaced, hyphenated, surrounding white space) and format.
if (NhsNumber.TryParse(" 999-000-0026 ", out var number))
{
    Console.WriteLine(number.ToString());    // 999 000 0026   (spaced, the display form)
    Console.WriteLine(number.ToString("N")); // 9990000026     (plain)
    Console.WriteLine(number.ToString("H")); // 999-000-0026   (hyphenated)
    Console.WriteLine(number.ToString("M")); // *** *** 0026   (masked, for logs)
    Console.WriteLine($"{number.Region}, test number: {number.IsTestNumber}");
}

// Format without allocating: into a stack buffer.
Span<char> buffer = stackalloc char[12];
if (number.TryFormat(buffer, out var written, "M"))
{
    Console.WriteLine(buffer[..written]);
}

// Generate reproducible test data: a seed and a region (the 999 test range is the default).
var generator = new NhsNumberGenerator(seed: 42, NhsNumberRegion.Test);
for (var i = 0; i < 3; i++)
{
    Console.WriteLine(generator.Next());
}

// Score one pair of records from two supplier systems, and explain the score. The explanation names comparison
// levels and weights only, never the values compared, so it is safe to log.
var records = new NhsIdentity.Matching.RecordSet(
[
    new NhsIdentity.Matching.PatientRecord
    {
        Id = "PAS-1", NhsNumber = "999 000 0018", GivenNames = "Elizabeth Ann", FamilyName = "Pemberton",
        DateOfBirth = "03/04/1961", Sex = "F", Postcode = "LS1 4AP", Address = "12 Park Row, Leeds",
    },
    new NhsIdentity.Matching.PatientRecord
    {
        Id = "GP-7", GivenNames = "Liz", FamilyName = "Pemberton", DateOfBirth = "1961-04-03", Sex = "female",
        Postcode = "LS14AP", Address = "12 Park Row Leeds",
    },
]);
var model = NhsIdentity.Matching.MatchModel.Default;
var explanation = model.Explain(records, 0, records, 1);
Console.WriteLine($"{records.GetId(0)} vs {records.GetId(1)}: {explanation.Score.Decision}, probability {explanation.Score.Probability:0.0000}");
Console.Write(explanation);
