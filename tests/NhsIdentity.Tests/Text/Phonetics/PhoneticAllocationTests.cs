using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

/// <summary>
/// The span overloads allocate nothing (the house rule for encode paths), including for text longer than the
/// encoders' stack buffers, which borrows from the shared array pool: warm up, then the counter must not move.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class PhoneticAllocationTests
{
    private const int Iterations = 500;

    private static readonly string[] Names =
    [
        "Smith", "Thompson", "Catherine", "Mohammed", "Schlesinger", "McLaughlin", "san jose", "O'Brien-Smythe",
        "Wolfeschlegelsteinhausenbergerdorff", "Zoë", "çñ", "", "   ", "1234", "\uD800x\uDC00", "Westerlund",
        "de la Cruz", "Caesar", "Accident", "Ghislane", new string('x', 300), string.Concat(Enumerable.Repeat("Van Der Berg ", 40)),
    ];

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        var sink = 0;
        Assert.True(Measure(() => sink += Soundex.Encode("Robert").Length) >= Iterations * 20L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Span_overloads_allocate_nothing()
    {
        var destination = new char[64];
        var alternate = new char[64];
        var tooShort = new char[1];
        long sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var name in Names)
            {
                sink += Soundex.TryEncode(name, destination, out var w) ? w : 0;
                sink += Soundex.TryEncode(name, tooShort, out _) ? 1 : 0;
                sink += Nysiis.TryEncode(name, destination, out w) ? w : 0;
                sink += Nysiis.TryEncode(name, destination, out w, int.MaxValue) ? w : 0;
                sink += Nysiis.TryEncode(name, tooShort, out _) ? 1 : 0;
                sink += Caverphone2.TryEncode(name, destination, out w) ? w : 0;
                sink += Caverphone2.TryEncode(name, tooShort, out _) ? 1 : 0;
                sink += DoubleMetaphone.TryEncode(name, destination, alternate, out w, out var a) ? w + a : 0;
                sink += DoubleMetaphone.TryEncode(name, destination, alternate, out w, out a, DoubleMetaphone.ClassicMaxLength) ? w + a : 0;
                sink += DoubleMetaphone.TryEncode(name, destination, out w) ? w : 0;
                sink += DoubleMetaphone.TryEncode(name, tooShort, out _, int.MaxValue) ? 1 : 0;
            }
        }));
        Assert.NotEqual(0, sink);
    }
}
