using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NhsIdentity.Tests.Properties;

public sealed class GeneratorProperties
{
    private static Arbitrary<NhsNumberRegion> Regions => Arb.From(Gen.Elements(NhsArbitraries.GeneratableRegions));

    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(int.MinValue, int.MaxValue));

    [Property(MaxTest = 300)]
    public Property Generated_numbers_are_valid_and_in_their_region() =>
        Prop.ForAll(Seeds, Regions, (seed, region) =>
        {
            var generator = new NhsNumberGenerator(seed, region);
            Span<char> text = stackalloc char[10];
            for (var i = 0; i < 20; i++)
            {
                var n = generator.Next();
                n.TryFormat(text, out _, "N");
                if (n.IsEmpty || n.Region != region || NhsNumber.Validate(text) != NhsNumberStatus.Valid
                    || NhsNumber.FromValue(n.Value) != n)
                {
                    return false;
                }

                if (region == NhsNumberRegion.ScotlandChi && !n.TryGetChiDetails(2026, out _, out _))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 300)]
    public Property Generated_invalid_values_fail_with_the_right_status_in_the_region()
    {
        TestHelpers.GeneratorGuard.LibraryKnowsCheckValueTen();
        return Prop.ForAll(Seeds, Regions, Arb.From(Gen.Elements(InvalidNhsNumberKind.CheckValueTen, InvalidNhsNumberKind.WrongCheckDigit)), (seed, region, kind) =>
        {
            var generator = new NhsNumberGenerator(seed, region);
            var expected = kind == InvalidNhsNumberKind.CheckValueTen ? NhsNumberStatus.CheckDigitIsTen : NhsNumberStatus.CheckDigitMismatch;
            for (var i = 0; i < 10; i++)
            {
                var value = generator.NextInvalidValue(kind);
                var text = value.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
                if (value is < 0 or > 9_999_999_999 || NhsNumber.Validate(text) != expected
                    || Internal.NhsNumberRanges.Classify((int)(value / 10)) != region)
                {
                    return false;
                }
            }

            return true;
        });
    }
}
