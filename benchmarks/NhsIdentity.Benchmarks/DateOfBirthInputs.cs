using System.Globalization;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The fixed inputs of <see cref="DateOfBirthBench"/>, drawn from seeded <see cref="Random"/> instances so every run
/// sees exactly the same strings.
/// </summary>
/// <remarks>
/// Dates of birth are uniform over 1920-2025, written in the layouts UK extracts carry (ISO 8601 most, then UK
/// day-first, compact, month names, HL7 date-times, ISO with a time and 'Z', a few partial dates), plus about 5%
/// invalid text (31 February, month 13, 29 February in a common year, words, blanks). Every layout is one that
/// <see cref="BclFormats"/> also lists, so the baseline and the library must agree on every input.
/// </remarks>
public static class DateOfBirthInputs
{
    /// <summary>Number of inputs per category.</summary>
    public const int Count = 10_000;

    /// <summary>The seed of the input mix. Change it and the results are no longer comparable.</summary>
    public const int Seed = 20_261_124;

    /// <summary>
    /// What trust code typically hands to <see cref="DateTime.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTime)"/>:
    /// every layout in the mix, in one array, with the invariant culture.
    /// </summary>
    public static readonly string[] BclFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd", "dd-MMM-yyyy", "dd.MM.yyyy", "yyyyMMddHHmm", "yyyyMMddHHmmss",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM", "yyyyMM", "yyyy",
    ];

    /// <summary>The layout of each input (weights out of 100) before the invalid ones are mixed in.</summary>
    private static readonly (string Format, int Weight)[] Mix =
    [
        ("yyyy-MM-dd", 30), ("dd/MM/yyyy", 25), ("d/M/yyyy", 5), ("yyyyMMdd", 10), ("dd-MMM-yyyy", 10), ("dd.MM.yyyy", 3),
        ("yyyyMMddHHmm", 5), ("yyyyMMddHHmmss", 5), ("yyyy-MM-dd'T'HH:mm:ss'Z'", 5), ("yyyy-MM", 1), ("yyyy", 1),
    ];

    private static readonly string[] Invalid =
    [
        "31/02/1961", "1961-13-05", "29/02/2023", "30-Feb-1980", "19610230", "unknown", "", " ", "N/A", "1961-02-30T00:00:00Z",
    ];

    private static readonly string[] SexCodes =
    [
        "M", "F", "M", "F", "m", "f", "1", "2", "Male", "Female", "male", "female", "MALE", "FEMALE", "U", "9", "X", "0",
        "Unknown", "Not Known", "other", "O", " M ", "F ",
    ];

    private static readonly string[] InvalidSexCodes = ["Q", "mal", "", "3", "M/F"];

    /// <summary>Builds the date strings (deterministic).</summary>
    /// <returns>A new array of <see cref="Count"/> strings.</returns>
    public static string[] CreateDates()
    {
        var random = new Random(Seed);
        var first = new DateTime(1920, 1, 1);
        var days = (int)(new DateTime(2025, 12, 31) - first).TotalDays;
        var inputs = new string[Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            if (random.Next(100) < 5)
            {
                inputs[i] = Invalid[random.Next(Invalid.Length)];
                continue;
            }

            var when = first.AddDays(random.Next(days + 1)).AddMinutes(random.Next(24 * 60)).AddSeconds(random.Next(60));
            inputs[i] = when.ToString(PickFormat(random.Next(100)), CultureInfo.InvariantCulture);
        }

        return inputs;
    }

    /// <summary>Builds the sex codes (deterministic): the common codes, about 5% invalid.</summary>
    /// <returns>A new array of <see cref="Count"/> strings.</returns>
    public static string[] CreateSexCodes()
    {
        var random = new Random(Seed + 1);
        var inputs = new string[Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.Next(100) < 5 ? InvalidSexCodes[random.Next(InvalidSexCodes.Length)] : SexCodes[random.Next(SexCodes.Length)];
        }

        return inputs;
    }

    private static string PickFormat(int roll)
    {
        foreach (var (format, weight) in Mix)
        {
            if (roll < weight)
            {
                return format;
            }

            roll -= weight;
        }

        return Mix[0].Format;
    }
}
