using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

/// <summary>
/// "Hot paths allocate nothing", proved with <see cref="GC.GetAllocatedBytesForCurrentThread"/> as in
/// <c>NhsNumberTests/AllocationTests</c>: inputs made first, one warm-up run, then the counter must not move.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    private const int Iterations = 2000;

    private static readonly string[] ValidTexts =
        ["SW1A 1AA", "sw1a1aa", " SW1A  1AA ", "M1 1AA", "\u00A0EC1A 1BB\u2003", "SWIA IAA", "GIR 0AA", "BFPO 1234", "STHL 1ZZ", "ZZ99 3VZ", "0X1 1AA"];

    private static readonly string[] FailingTexts =
        ["", "   ", "SW1A-1AA", "SW1", "SW1A 1AAX", "QA1 1AA", "SW1A 1AI", "SWA1 1AA", "BFPO 0", "BFPO 12345", "\uFF33W1A 1AA", "ABCD 1ZZ"];

    private static readonly byte[][] ValidUtf8 = ValidTexts.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly byte[][] FailingUtf8 = FailingTexts.Select(Encoding.UTF8.GetBytes).Append([0xFF, 0xFE]).Append([0xC2, 0xA0]).ToArray();

    private static readonly string[] Formats = ["", "U", "N", "A", "D", "S", "O", "I", "u", "n", "a", "d", "s", "o", "i"];

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        var postcode = Postcode.Parse("SW1A 1AA");
        var sink = 0;
        Assert.True(Measure(() => sink += postcode.Area.Length) >= Iterations * 20L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryParse_Validate_and_IsValid_allocate_nothing_on_success_and_failure()
    {
        var all = ValidTexts.Concat(FailingTexts).ToArray();
        var allUtf8 = ValidUtf8.Concat(FailingUtf8).ToArray();
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var text in all)
            {
                if (Postcode.TryParse(text, out var a))
                {
                    sink += a.GetHashCode();
                }

                Postcode.TryParse(text.AsSpan(), PostcodeStyles.Strict, out var b, out var status);
                sink += (int)status + b.GetHashCode();
                sink += (int)Postcode.Validate(text);
                sink += Postcode.IsValid(text.AsSpan()) ? 1 : 0;
            }

            foreach (var utf8 in allUtf8)
            {
                if (Postcode.TryParse(utf8, out var c))
                {
                    sink += c.GetHashCode();
                }

                sink += (int)Postcode.Validate(utf8, PostcodeStyles.Strict);
                sink += Postcode.IsValid(utf8) ? 1 : 0;
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryFormat_allocates_nothing_for_every_format()
    {
        var postcodes = ValidTexts.Select(t => Postcode.Parse(t)).Append(Postcode.Empty).ToArray();
        var chars = new char[16];
        var bytes = new byte[16];
        var tooShortChars = new char[3];
        var tooShortBytes = new byte[3];
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var p in postcodes)
            {
                foreach (var format in Formats)
                {
                    p.TryFormat(chars, out var written, format);
                    sink += written;
                    p.TryFormat(bytes, out written, format);
                    sink += written;
                    sink += p.TryFormat(tooShortChars, out _, format) ? 1 : 0;
                    sink += p.TryFormat(tooShortBytes, out _, format) ? 1 : 0;
                }

                p.TryFormat(chars, out var w1);
                p.TryFormat(bytes, out var w2);
                sink += w1 + w2;
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Part_keys_comparison_and_kind_allocate_nothing()
    {
        var postcodes = ValidTexts.Select(t => Postcode.Parse(t)).Append(Postcode.Empty).ToArray();
        var parts = Enum.GetValues<PostcodePart>();
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var a in postcodes)
            {
                foreach (var b in postcodes)
                {
                    sink += a.CompareTo(b) + (a == b ? 1 : 0) + (a.Equals(b) ? 1 : 0) + (a < b ? 1 : 0);
                    foreach (var part in parts)
                    {
                        sink += a.SharesPart(b, part) ? 1 : 0;
                    }
                }

                foreach (var part in parts)
                {
                    sink += a.GetPartKey(part);
                }

                sink += (int)a.Kind + (a.IsPseudo ? 1 : 0) + (a.HasLocation ? 1 : 0) + a.GetHashCode();
            }
        }));
        Assert.NotEqual(0, sink);
    }
}
