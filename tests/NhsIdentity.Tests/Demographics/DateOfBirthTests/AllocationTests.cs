using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

/// <summary>
/// "Hot paths allocate nothing", proved with <see cref="GC.GetAllocatedBytesForCurrentThread"/> (pattern of
/// NhsNumberTests/AllocationTests): inputs are built first, each body runs twice to warm up, then the counter must not
/// move over many iterations.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    private const int Iterations = 1000;

    private static readonly string[] Texts =
    [
        "1961-03-05", "05/03/1961", "5/3/1961", "19610305", "05-Mar-1961", "5 September 1961", "05.03.1961",
        "196103051230", "19610305123045.1234+0100", "1961-03-05T00:00:00Z", "1961-03-05T00:00:00.123+01:00",
        "1961", "1961-03", "196103", " \u00A01961-03-05\u2003", "3/5/1961 12:00:00 AM",
        "", "   ", "abc", "05/03/61", "1961-13-01", "0001-01-01", "31/02/1961", "1961-03-05T25:00", "05-Foo-1961",
        "19610305T000000", "\uFF11\uFF19\uFF16\uFF11",
    ];

    private static readonly byte[][] Utf8Texts = Texts.Select(Encoding.UTF8.GetBytes).Append([0xFF, 0xFE]).Append([0xC2, 0xA0]).ToArray();

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        var dob = new DateOfBirth(1961, 3, 5);
        var sink = 0;
        Assert.True(Measure(() => sink += dob.ToString().Length) >= Iterations * 20L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryParse_chars_and_utf8_allocate_nothing()
    {
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var text in Texts)
            {
                sink += DateOfBirth.TryParse(text, out var a) ? a.ToInt32() : 1;
                sink += DateOfBirth.TryParse(text.AsSpan(), DateOrder.MonthDayYear, out var b, out var status) ? b.ToInt32() : (int)status;
            }

            foreach (var utf8 in Utf8Texts)
            {
                sink += DateOfBirth.TryParse(utf8, DateOrder.DayMonthYear, out var c, out var status) ? c.ToInt32() : (int)status;
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryFormat_and_value_members_allocate_nothing()
    {
        var dates = new[] { new DateOfBirth(1961, 3, 5), DateOfBirth.FromYearMonth(1961, 3), DateOfBirth.FromYear(1961), DateOfBirth.Empty };
        var formats = new[] { "", "I", "H", "D" };
        var chars = new char[16];
        var bytes = new byte[16];
        var tooShort = new char[3];
        var today = new DateOnly(2026, 11, 24);
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var dob in dates)
            {
                foreach (var format in formats)
                {
                    dob.TryFormat(chars, out var written, format);
                    sink += written;
                    dob.TryFormat(bytes, out written, format);
                    sink += written;
                    sink += dob.TryFormat(tooShort, out _, format) ? 1 : 0;
                }

                foreach (var other in dates)
                {
                    sink += dob.CompareTo(other) + (dob == other ? 1 : 0) + (dob < other ? 1 : 0);
                }

                sink += dob.Year + dob.Month + dob.Day + (int)dob.Precision + dob.GetHashCode()
                    + (dob.IsPossiblePlaceholder ? 1 : 0) + (dob.IsPlausible(today) ? 1 : 0);
                if (dob.TryGetDateOnly(out var date))
                {
                    sink += date.DayNumber;
                }

                sink += DateOfBirth.TryFromInt32(dob.ToInt32(), out var back) ? back.ToInt32() : 0;
            }
        }));
        Assert.NotEqual(0, sink);
    }
}
