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
