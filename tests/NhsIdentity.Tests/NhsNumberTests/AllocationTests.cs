using System.Text;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>
/// The house rule "hot paths allocate nothing", proved with <see cref="GC.GetAllocatedBytesForCurrentThread"/>: every
/// input is created before measuring, each loop runs once to warm up (JIT, static constructors), then the counter must
/// not move across many iterations.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    private const int Iterations = 2000;

    private static readonly string[] ValidTexts =
        ["4505577104", "450 557 7104", "450-557-7104", " 4505577104 ", "\u00A0450 557 7104\u2003", "0000000000", "9990000018"];

    private static readonly string[] FailingTexts =
    [
        "4505577105", "1234567890", "123456789a", "Abc124398d", "123", "12345678901", "", "   ", " 123456789",
        "450 557-7104", "012  345  6789", "\u0664\u0665\u0660\u0665\u0665\u0667\u0667\u0661\u0660\u0664", "\t\r\n",
        "\u2003 4505577105 \u00A0",
    ];

    private static readonly byte[][] ValidUtf8 = ValidTexts.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly byte[][] FailingUtf8 = FailingTexts.Select(Encoding.UTF8.GetBytes).Append([0xFF, 0xFE]).Append([0xC2, 0xA0]).ToArray();

    private static readonly string[] Formats = ["", "S", "N", "H", "M", "s", "n", "h", "m"];

    private static readonly NhsNumberStyles[] Styles = [NhsNumberStyles.Lenient, NhsNumberStyles.Strict];

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        // Guards the method itself: string-returning members allocate, and Measure must notice.
        var n = NhsNumber.FromValue(4505577104);
        var sink = 0;
        Assert.True(Measure(() => sink += n.ToString("N").Length) >= Iterations * 20L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Validate_chars_allocates_nothing()
    {
        var all = ValidTexts.Concat(FailingTexts).ToArray();
        var sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var text in all)
            {
                sink += (int)NhsNumber.Validate(text);
                sink += (int)NhsNumber.Validate(text.AsSpan());
                foreach (var styles in Styles)
                {
                    sink += (int)NhsNumber.Validate(text.AsSpan(), styles);
                }
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Validate_utf8_allocates_nothing()
    {
        var all = ValidUtf8.Concat(FailingUtf8).ToArray();
        var sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var utf8 in all)
            {
                sink += (int)NhsNumber.Validate(utf8);
                foreach (var styles in Styles)
                {
                    sink += (int)NhsNumber.Validate(utf8, styles);
                }
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryParse_and_IsValid_allocate_nothing()
    {
        var all = ValidTexts.Concat(FailingTexts).ToArray();
        var allUtf8 = ValidUtf8.Concat(FailingUtf8).ToArray();
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var text in all)
            {
                if (NhsNumber.TryParse(text, out var a))
                {
                    sink += a.Value;
                }

                if (NhsNumber.TryParse(text.AsSpan(), NhsNumberStyles.Strict, out var b, out var status))
                {
                    sink += b.Value;
                }

                sink += (int)status;
                sink += NhsNumber.IsValid(text) ? 1 : 0;
                sink += NhsNumber.IsValid(text.AsSpan(), NhsNumberStyles.Strict) ? 1 : 0;
            }

            foreach (var utf8 in allUtf8)
            {
                if (NhsNumber.TryParse(utf8, out var c))
                {
                    sink += c.Value;
                }

                sink += NhsNumber.IsValid(utf8) ? 1 : 0;
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryFormat_allocates_nothing_for_every_format()
    {
        var numbers = new[] { NhsNumber.FromValue(4505577104), NhsNumber.FromValue(0), NhsNumber.FromValue(9999999999), NhsNumber.Empty };
        var chars = new char[16];
        var bytes = new byte[16];
        var tooShortChars = new char[5];
        var tooShortBytes = new byte[5];
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var n in numbers)
            {
                foreach (var format in Formats)
                {
                    n.TryFormat(chars, out var written, format);
                    sink += written;
                    n.TryFormat(bytes, out written, format);
                    sink += written;
                    sink += n.TryFormat(tooShortChars, out _, format) ? 1 : 0;
                    sink += n.TryFormat(tooShortBytes, out _, format) ? 1 : 0;
                }

                n.TryFormat(chars, out var w1);
                n.TryFormat(bytes, out var w2);
                sink += w1 + w2;
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Generator_Fill_and_Next_allocate_nothing()
    {
        NhsIdentity.Tests.TestHelpers.GeneratorGuard.LibraryKnowsCheckValueTen();
        var generators = new[]
        {
            new NhsNumberGenerator(1),
            new NhsNumberGenerator(2, NhsNumberRegion.ScotlandChi),
            new NhsNumberGenerator(3, NhsNumberRegion.EnglandWalesIsleOfMan),
            new NhsNumberGenerator(4, NhsNumberRegion.NorthernIrelandHealthAndCare),
            new NhsNumberGenerator(5, NhsNumberRegion.Synthetic),
        };
        var buffer = new NhsNumber[64];
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var generator in generators)
            {
                generator.Fill(buffer);
                sink += buffer[^1].Value + generator.Next().Value;
                sink += generator.NextInvalidValue(InvalidNhsNumberKind.CheckValueTen);
                sink += generator.NextInvalidValue(InvalidNhsNumberKind.WrongCheckDigit);
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Value_members_compare_and_chi_allocate_nothing()
    {
        var numbers = new[] { NhsNumber.FromValue(4505577104), NhsNumber.FromValue(211165794), NhsNumber.FromValue(0), NhsNumber.Empty };
        var bases = new[] { "450557710", "999123456" };
        var utf8Bases = bases.Select(Encoding.UTF8.GetBytes).ToArray();
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var a in numbers)
            {
                foreach (var b in numbers)
                {
                    sink += a.CompareTo(b) + (a == b ? 1 : 0) + (a.Equals(b) ? 1 : 0) + (a < b ? 1 : 0);
                }

                sink += a.GetHashCode() + (int)a.Region + (a.IsRepdigit ? 1 : 0) + (a.IsTestNumber ? 1 : 0);
                if (a.TryGetChiDetails(2026, out var date, out var sex))
                {
                    sink += date.DayNumber + (int)sex;
                }
            }

            for (var i = 0; i < bases.Length; i++)
            {
                sink += NhsNumber.ComputeCheckDigit(bases[i]) + NhsNumber.ComputeCheckDigit(utf8Bases[i]);
            }

            sink += NhsNumber.TryFromBase(450557710, out var x) ? x.Value : 0;
            sink += NhsNumber.TryFromValue(4505577105, out _) ? 1 : 0;
        }));
        Assert.NotEqual(0, sink);
    }
}
