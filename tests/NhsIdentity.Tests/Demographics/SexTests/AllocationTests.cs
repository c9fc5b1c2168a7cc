using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.SexTests;

/// <summary>Parsing and writing sex codes allocate nothing (pattern of NhsNumberTests/AllocationTests).</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    private static readonly string[] Texts =
        ["M", "f", "1", "2", "9", "X", "0", "U", "male", "FEMALE", "Not Known", " not-known ", "other", "indeterminate", "", "Q", "mal", "\u00A0M\u2003", "a very long text that is not a code"];

    private static readonly byte[][] Utf8Texts = Texts.Select(Encoding.UTF8.GetBytes).ToArray();

    [Fact]
    public void TryParse_and_formatting_helpers_allocate_nothing()
    {
        long sink = 0;
        void Body()
        {
            foreach (var text in Texts)
            {
                sink += SexCodes.TryParse(text, out var sex) ? (int)sex + 1 : 0;
            }

            foreach (var utf8 in Utf8Texts)
            {
                sink += SexCodes.TryParse(utf8, out var sex) ? (int)sex + 1 : 0;
            }

            foreach (var sex in (ReadOnlySpan<Sex>)[Sex.Unknown, Sex.Male, Sex.Female, Sex.Indeterminate, Sex.Other])
            {
                sink += sex.ToDataDictionaryCode() + sex.ToHl7Code() + sex.ToFhirCode().Length + (sex.IsMaleOrFemale() ? 1 : 0);
            }
        }

        Assert.Equal(0, Allocations.Measure(Body, 1000));
        Assert.NotEqual(0, sink);
    }
}
