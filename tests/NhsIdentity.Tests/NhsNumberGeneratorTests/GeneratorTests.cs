using System.Globalization;
using NhsIdentity.Internal;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberGeneratorTests;

public sealed class GeneratorTests
{
    public static TheoryData<NhsNumberRegion> GeneratableRegions => new()
    {
        NhsNumberRegion.Test,
        NhsNumberRegion.Synthetic,
        NhsNumberRegion.EnglandWalesIsleOfMan,
        NhsNumberRegion.ScotlandChi,
        NhsNumberRegion.NorthernIrelandHealthAndCare,
    };

    public static TheoryData<NhsNumberRegion, InvalidNhsNumberKind> RegionsAndKinds()
    {
        var data = new TheoryData<NhsNumberRegion, InvalidNhsNumberKind>();
        foreach (var region in GeneratableRegions)
        {
            data.Add(region, InvalidNhsNumberKind.CheckValueTen);
            data.Add(region, InvalidNhsNumberKind.WrongCheckDigit);
        }

        return data;
    }

    [Fact]
    public void Default_region_is_Test()
    {
        Assert.Equal(NhsNumberRegion.Test, new NhsNumberGenerator(1).Region);
        Assert.Equal(NhsNumberRegion.Test, new NhsNumberGenerator(new Random(1)).Region);
        Assert.True(new NhsNumberGenerator(1).Next().IsTestNumber);
    }

    [Theory]
    [MemberData(nameof(GeneratableRegions))]
    public void Same_seed_gives_the_same_sequence(NhsNumberRegion region)
    {
        GeneratorGuard.LibraryKnowsCheckValueTen();
        var a = new NhsNumberGenerator(12345, region);
        var b = new NhsNumberGenerator(12345, region);
        var c = new NhsNumberGenerator(new Random(12345), region);
        for (var i = 0; i < 1000; i++)
        {
            var n = a.Next();
            Assert.Equal(n, b.Next());
            Assert.Equal(n, c.Next());
        }

        Assert.Equal(a.NextInvalidValue(InvalidNhsNumberKind.WrongCheckDigit), b.NextInvalidValue(InvalidNhsNumberKind.WrongCheckDigit));
        Assert.Equal(a.NextInvalid(InvalidNhsNumberKind.CheckValueTen), b.NextInvalid(InvalidNhsNumberKind.CheckValueTen));

        var first = Enumerable.Range(0, 20).Select(_ => new NhsNumberGenerator(1, region).Next()).Distinct().Count();
        Assert.Equal(1, first);
        var other = new NhsNumberGenerator(2, region);
        var seeded1 = new NhsNumberGenerator(1, region);
        Assert.False(Enumerable.Range(0, 20).All(_ => other.Next() == seeded1.Next()));
    }

    [Theory]
    [MemberData(nameof(GeneratableRegions))]
    public void Next_and_Fill_agree_for_the_same_seed(NhsNumberRegion region)
    {
        var viaNext = new NhsNumberGenerator(777, region);
        var viaFill = new NhsNumberGenerator(777, region);
        var filled = new NhsNumber[500];
        viaFill.Fill(filled.AsSpan(0, 0)); // an empty span draws nothing
        viaFill.Fill(filled.AsSpan(0, 200));
        viaFill.Fill(filled.AsSpan(200));
        for (var i = 0; i < filled.Length; i++)
        {
            Assert.Equal(viaNext.Next(), filled[i]);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratableRegions))]
    public void Every_number_is_valid_and_in_the_region(NhsNumberRegion region)
    {
        var generator = new NhsNumberGenerator(42, region);
        Assert.Equal(region, generator.Region);
        var numbers = new NhsNumber[5000];
        generator.Fill(numbers);
        foreach (var n in numbers)
        {
            Assert.False(n.IsEmpty);
            Assert.Equal(region, n.Region);
            Assert.Equal(NhsNumberStatus.Valid, ReferenceNhsNumber.StatusOfTenDigits(n.ToString("N")));
            Assert.Equal(NhsNumberStatus.Valid, NhsNumber.Validate(n.ToString()));
        }

        Assert.True(numbers.Distinct().Count() > 4900, "numbers should hardly repeat");
    }

    [Fact]
    public void Every_ScotlandChi_number_decodes()
    {
        var generator = new NhsNumberGenerator(2026, NhsNumberRegion.ScotlandChi);
        var numbers = new NhsNumber[20_000];
        generator.Fill(numbers);
        var leapDays = 0;
        foreach (var n in numbers)
        {
            // Pivot 2099 reads every YY as 20YY, the century the generator draws from, so every number decodes.
            Assert.True(n.TryGetChiDetails(2099, out var date, out var sex), n.ToString("N"));
            Assert.InRange(date, new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31));
            Assert.Equal(n.Base % 2 == 1 ? global::NhsIdentity.Demographics.Sex.Male : global::NhsIdentity.Demographics.Sex.Female, sex);
            Assert.True(n.TryGetChiDetails(2026, out _, out _), n.ToString("N"));
            if (date is { Month: 2, Day: 29 })
            {
                leapDays++;
            }
        }

        Assert.True(leapDays > 0, "29 February should appear in 20,000 draws");
    }

    [Theory]
    [InlineData(NhsNumberRegion.None)]
    [InlineData(NhsNumberRegion.Unallocated)]
    [InlineData((NhsNumberRegion)99)]
    [InlineData((NhsNumberRegion)(-1))]
    public void Regions_that_cannot_be_generated_throw(NhsNumberRegion region)
    {
        Assert.Equal("region", Assert.Throws<ArgumentOutOfRangeException>(() => new NhsNumberGenerator(1, region)).ParamName);
        Assert.Equal("region", Assert.Throws<ArgumentOutOfRangeException>(() => new NhsNumberGenerator(new Random(1), region)).ParamName);
    }

    [Fact]
    public void Null_random_throws()
    {
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new NhsNumberGenerator(null!)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new NhsNumberGenerator(null!, NhsNumberRegion.Test)).ParamName);
    }

    [Theory]
    [MemberData(nameof(RegionsAndKinds))]
    public void NextInvalidValue_fails_for_the_stated_reason_inside_the_region(NhsNumberRegion region, InvalidNhsNumberKind kind)
    {
        GeneratorGuard.LibraryKnowsCheckValueTen();
        var expected = kind == InvalidNhsNumberKind.CheckValueTen ? NhsNumberStatus.CheckDigitIsTen : NhsNumberStatus.CheckDigitMismatch;
        var generator = new NhsNumberGenerator(99, region);
        var lastDigits = new HashSet<long>();
        for (var i = 0; i < 2000; i++)
        {
            var value = generator.NextInvalidValue(kind);
            Assert.InRange(value, 0, 9_999_999_999);
            var text = value.ToString("D10", CultureInfo.InvariantCulture);
            Assert.Equal(expected, NhsNumber.Validate(text));
            Assert.Equal(expected, ReferenceNhsNumber.StatusOfTenDigits(text));
            Assert.Equal(region, NhsNumberRanges.Classify((int)(value / 10)));
            Assert.False(NhsNumber.TryFromValue(value, out _));
            lastDigits.Add(value % 10);

            var invalidText = generator.NextInvalid(kind);
            Assert.Equal(10, invalidText.Length);
            Assert.True(invalidText.All(char.IsAsciiDigit));
            Assert.Equal(expected, NhsNumber.Validate(invalidText));
            Assert.Equal(region, NhsNumberRanges.Classify(int.Parse(invalidText[..9], CultureInfo.InvariantCulture)));
        }

        Assert.Equal(10, lastDigits.Count); // every tenth digit occurs
    }

    [Fact]
    public void NextInvalidValue_with_an_undefined_kind_throws()
    {
        var generator = new NhsNumberGenerator(1);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => generator.NextInvalidValue((InvalidNhsNumberKind)7)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.NextInvalid((InvalidNhsNumberKind)(-1)));
    }
}
