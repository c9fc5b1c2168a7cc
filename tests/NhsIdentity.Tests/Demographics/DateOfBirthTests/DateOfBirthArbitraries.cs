using FsCheck;
using FsCheck.Fluent;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

/// <summary>FsCheck generators for dates of birth and date-like text.</summary>
internal static class DateOfBirthArbitraries
{
    private static readonly int FirstDay = new DateOnly(DateOfBirth.MinYear, 1, 1).DayNumber;
    private static readonly int LastDay = new DateOnly(DateOfBirth.MaxYear, 12, 31).DayNumber;

    /// <summary>Any date in the accepted range, with the edges and 29 February now and then.</summary>
    public static Gen<DateOnly> InRangeDateGen => Gen.Frequency(
        (8, Gen.Choose(FirstDay, LastDay).Select(DateOnly.FromDayNumber)),
        (1, Gen.Elements(new DateOnly(1800, 1, 1), new DateOnly(2199, 12, 31), new DateOnly(2000, 2, 29), new DateOnly(1804, 2, 29), new DateOnly(2024, 2, 29))),
        (1, Gen.Choose(1800, 2199).Select(y => new DateOnly(y, 12, 31))));

    public static Arbitrary<DateOnly> InRangeDates => Arb.From(InRangeDateGen);

    /// <summary>Full and partial dates of birth, and Empty.</summary>
    public static Gen<DateOfBirth> AnyDateOfBirthGen => Gen.Frequency(
        (6, InRangeDateGen.Select(DateOfBirth.FromDateOnly)),
        (2, InRangeDateGen.Select(d => DateOfBirth.FromYearMonth(d.Year, d.Month))),
        (1, InRangeDateGen.Select(d => DateOfBirth.FromYear(d.Year))),
        (1, Gen.Constant(DateOfBirth.Empty)));

    public static Arbitrary<DateOfBirth> AnyDateOfBirth => Arb.From(AnyDateOfBirthGen);

    /// <summary>A time of day (to the tick) and a UTC offset in whole minutes, -14:00 to +14:00.</summary>
    public static Gen<(TimeOnly Time, TimeSpan Offset)> TimeAndOffsetGen =>
        from ticks in Gen.Choose(0, int.MaxValue).Select(i => (long)i * 40_000 % TimeSpan.TicksPerDay)
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        select (new TimeOnly(ticks), TimeSpan.FromMinutes(offsetMinutes));

    /// <summary>Characters that exercise every branch of the parser.</summary>
    public static Gen<char> InterestingChar => Gen.Frequency(
        (10, Gen.Choose('0', '9').Select(i => (char)i)),
        (4, Gen.Elements('-', '/', '.', ' ', ':', 'T', 'Z', '+', ',')),
        (2, Gen.Elements('M', 'a', 'r', 'J', 'u', 'n', 'e', 'S', 'p', 't', 'A', 'P', 'm', 'x')),
        (1, Gen.Elements('\t', '\u00A0', '\u2003', '\r', '\n', '\0', '\u2013', '\uFF11', '\u0661')),
        (1, Gen.Elements('\uD800', '\uDC00', '\uFFFD', '\uFFFF')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    public static Gen<string> InterestingString =>
        Gen.Choose(0, 32).SelectMany(length => Gen.ArrayOf(InterestingChar, length)).Select(chars => new string(chars));

    /// <summary>A valid layout of a valid date, then one character replaced, inserted or deleted (or none).</summary>
    public static Gen<string> NearValidString =>
        from date in InRangeDateGen
        from format in Gen.Elements("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd", "dd-MMM-yyyy", "dd.MM.yyyy", "yyyyMMddHHmmss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM", "yyyy")
        from edit in Gen.Choose(0, 3)
        from position in Gen.Choose(0, 20)
        from c in InterestingChar
        select Edit(date.ToDateTime(TimeOnly.MinValue).ToString(format, System.Globalization.CultureInfo.InvariantCulture), edit, position, c);

    public static Arbitrary<string> AnyText => Arb.From(Gen.Frequency(
        (3, InterestingString),
        (4, NearValidString),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))));

    public static Arbitrary<byte[]> AnyBytes => Arb.From(Gen.Frequency(
        (2, Gen.Choose(0, 32).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length))),
        (2, Gen.Choose(0, 32).SelectMany(length => Gen.ArrayOf(Gen.Elements((byte)'1', (byte)'9', (byte)'0', (byte)'-', (byte)'/', (byte)' ', (byte)'T', (byte)':', (byte)0xC2, (byte)0xA0, (byte)0xE2, (byte)0x80, (byte)0xFF), length))),
        (3, NearValidString.Select(s => System.Text.Encoding.UTF8.GetBytes(s)))));

    private static string Edit(string text, int edit, int position, char c)
    {
        var at = Math.Min(position, text.Length);
        return edit switch
        {
            1 when at < text.Length => text.Remove(at, 1).Insert(at, c.ToString()),
            2 => text.Insert(at, c.ToString()),
            3 when at < text.Length => text.Remove(at, 1),
            _ => text,
        };
    }
}
